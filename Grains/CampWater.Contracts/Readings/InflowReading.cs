namespace CampWater.Readings;

/// <summary>An inflow meter's running total, as it published it at <see cref="Ts"/>.</summary>
[GenerateSerializer, Immutable, Alias("campwater.InflowReading")]
public sealed record InflowReading(
    [property: Id(0)] DateTimeOffset Ts,
    [property: Id(1)] double TotalL,
    [property: Id(2)] DateTimeOffset ReceivedAt);
