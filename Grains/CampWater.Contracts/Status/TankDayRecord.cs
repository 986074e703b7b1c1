namespace CampWater.Status;

/// <summary>
/// One camp-local day in a tank's ledger. <see cref="CoveredSeconds"/> is the part of the day spanned
/// by consecutive readings no further apart than the tank's <c>offlineAfterMin</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.TankDayRecord")]
public sealed record TankDayRecord(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double DrawnL,
    [property: Id(2)] double DeliveredL,
    [property: Id(3)] double CoveredSeconds);
