namespace CampWater.Status;

/// <summary>A camp's water on one camp-local day; <see cref="Met"/> is null for a day not yet over.</summary>
[GenerateSerializer, Immutable, Alias("campwater.CampDayTotals")]
public sealed record CampDayTotals(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double DrawnL,
    [property: Id(2)] double DeliveredL,
    [property: Id(3)] double? Lpd,
    [property: Id(4)] bool? Met);
