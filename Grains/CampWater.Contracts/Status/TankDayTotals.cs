namespace CampWater.Status;

/// <summary>Water that left (<see cref="DrawnL"/>) and entered (<see cref="DeliveredL"/>) a tank on one camp-local day.</summary>
[GenerateSerializer, Immutable, Alias("campwater.TankDayTotals")]
public sealed record TankDayTotals(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double DrawnL,
    [property: Id(2)] double DeliveredL);
