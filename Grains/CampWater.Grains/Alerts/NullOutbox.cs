using CampWater.Status;

namespace CampWater.Alerts;

/// <summary>An outbox that sends nothing: for hosts and tests without a broker.</summary>
public sealed class NullOutbox : IOutbox
{
    public static NullOutbox Instance { get; } = new();

    public void AlertChanged(Alert alert, bool raised)
    {
    }

    public void TankStatusChanged(TankStatus status)
    {
    }
}
