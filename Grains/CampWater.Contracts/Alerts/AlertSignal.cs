namespace CampWater.Alerts;

/// <summary>
/// A rule's verdict on one condition: it holds (raise the alert, or update the open one's severity and
/// value) or it has cleared (resolve the open one). Rules emit signals only on change.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.AlertSignal")]
public sealed record AlertSignal(
    [property: Id(0)] AlertKind Kind,
    [property: Id(1)] bool Holds,
    [property: Id(2)] AlertSeverity Severity,
    [property: Id(3)] double? Value,
    [property: Id(4)] double? Threshold,
    [property: Id(5)] string Message,
    [property: Id(6)] DateTimeOffset At);
