namespace CampWater.Alerts;

/// <summary>
/// An alert signal numbered in the order its sender (a tank, or a camp's services) emitted it. The sender keeps
/// it until its camp has taken it, and sends it again after a crash; the number lets the camp take each signal
/// exactly once.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.SequencedSignal")]
public sealed record SequencedSignal(
    [property: Id(0)] long Seq,
    [property: Id(1)] AlertSignal Signal)
{
    /// <summary>
    /// The place the signal is about, when its sender speaks for several (a camp's services: each tank's and
    /// each water point's water quality); a tank's own signals leave both null, the tank being the sender.
    /// </summary>
    [Id(2)]
    public string? TankId { get; init; }

    /// <inheritdoc cref="TankId"/>
    [Id(3)]
    public string? PointId { get; init; }
}
