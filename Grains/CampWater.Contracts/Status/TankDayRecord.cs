namespace CampWater.Status;

/// <summary>
/// One camp-local day in a tank's ledger. <see cref="CoveredSeconds"/> is the part of the day spanned
/// by consecutive readings no further apart than the tank's offline limit (its <c>offlineAfterMin</c>, stretched
/// for a sensor that reports less often). <see cref="EstimatedL"/> is the part of <see cref="DrawnL"/> (and of
/// <see cref="DeliveredL"/>) that was drawn while the tank filled, estimated from the draw rate before and after.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.TankDayRecord")]
public sealed record TankDayRecord(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double DrawnL,
    [property: Id(2)] double DeliveredL,
    [property: Id(3)] double CoveredSeconds,
    [property: Id(4)] double EstimatedL = 0);
