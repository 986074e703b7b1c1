using System.Collections.Immutable;

namespace CampWater.Alerts;

/// <summary>An alert as the API, the hub and the alerts topic show it.</summary>
[GenerateSerializer, Immutable, Alias("campwater.Alert")]
public sealed record Alert(
    [property: Id(0)] string Id,
    [property: Id(1)] string CampId,
    [property: Id(2)] string? TankId,
    [property: Id(3)] AlertKind Kind,
    [property: Id(4)] AlertSeverity Severity,
    [property: Id(5)] AlertState State,
    [property: Id(6)] string Message,
    [property: Id(7)] double? Value,
    [property: Id(8)] double? Threshold,
    [property: Id(9)] DateTimeOffset RaisedAt,
    [property: Id(10)] DateTimeOffset? AcknowledgedAt,
    [property: Id(11)] string? AcknowledgedBy,
    [property: Id(12)] string? Assignee,
    [property: Id(13)] DateTimeOffset? ResolvedAt,
    [property: Id(14)] string? ResolvedBy,
    [property: Id(15)] int Escalations,
    [property: Id(16)] ImmutableArray<AlertComment> Comments)
{
    public bool IsOpen => State != AlertState.Resolved;

    /// <summary>The water point the alert is about (quality at a point); null for tank and camp alerts.</summary>
    [Id(17)]
    public string? PointId { get; init; }

    /// <summary>The catalogue key <see cref="Message"/> is worded from, so that a client or a later reader can word it in another language.</summary>
    [Id(18)]
    public string? MessageKey { get; init; }

    /// <summary>The parts of the message (figures in invariant digits); kept with the alert, so an old alert reads in a new language.</summary>
    [Id(19)]
    public MessageArgs? MessageArgs { get; init; }
}
