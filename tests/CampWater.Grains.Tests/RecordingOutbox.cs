using System.Collections.Concurrent;
using CampWater.Alerts;
using CampWater.Status;

namespace CampWater;

/// <summary>An outbox that remembers every alert change, for assertions.</summary>
public sealed class RecordingOutbox : IOutbox
{
    public ConcurrentQueue<(Alert Alert, bool Raised)> Alerts { get; } = new();

    public void AlertChanged(Alert alert, bool raised) => Alerts.Enqueue((alert, raised));

    public void TankStatusChanged(TankStatus status)
    {
    }
}
