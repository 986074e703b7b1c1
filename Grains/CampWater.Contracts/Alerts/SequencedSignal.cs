namespace CampWater.Alerts;

/// <summary>
/// A tank's alert signal numbered in the order the tank emitted it. The tank keeps it until its camp has
/// taken it, and sends it again after a crash; the number lets the camp take each signal exactly once.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.SequencedSignal")]
public sealed record SequencedSignal(
    [property: Id(0)] long Seq,
    [property: Id(1)] AlertSignal Signal);
