namespace CampWater.Status;

/// <summary>
/// One camp-local day of a camp's water against its target. <see cref="Lpd"/> is null for a day with no
/// readings at all or a camp of no people; <see cref="Met"/> is null for a day that is not judged: no
/// litres per person, or readings covering less than 0.9 of the day. <see cref="EstimatedL"/> is the part of
/// <see cref="DrawnL"/> drawn while tanks filled, estimated from the draw rate before and after each fill.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.DailyCoverage")]
public sealed record DailyCoverage(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] int Population,
    [property: Id(2)] double DrawnL,
    [property: Id(3)] double DeliveredL,
    [property: Id(4)] double? Lpd,
    [property: Id(5)] double TargetLpd,
    [property: Id(6)] bool? Met,
    [property: Id(7)] double Completeness,
    [property: Id(8)] double EstimatedL = 0);
