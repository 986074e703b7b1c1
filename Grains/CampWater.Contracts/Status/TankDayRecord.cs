namespace CampWater.Status;

/// <summary>
/// One camp-local day in a tank's ledger. <see cref="CoveredSeconds"/> is the part of the day spanned
/// by consecutive readings no further apart than the tank's offline limit (its <c>offlineAfterMin</c>, stretched
/// for a sensor that reports less often). <see cref="EstimatedL"/> is the part of <see cref="DrawnL"/> (and of
/// <see cref="DeliveredL"/>) that was drawn while the tank filled, estimated from the draw rate before and after.
/// <see cref="DrawnL"/> and <see cref="DeliveredL"/> are what the level showed; <see cref="InflowL"/> is what the
/// tank's inflow meter counted, on a day it had one (<see cref="Metered"/>). <see cref="OutflowL"/> and
/// <see cref="IncomingL"/> are the day's figures.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.TankDayRecord")]
public sealed record TankDayRecord(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] double DrawnL,
    [property: Id(2)] double DeliveredL,
    [property: Id(3)] double CoveredSeconds,
    [property: Id(4)] double EstimatedL = 0,
    [property: Id(5)] double InflowL = 0,
    [property: Id(6)] bool Metered = false)
{
    /// <summary>
    /// The water that left the tank that day: for a metered tank the metered inflow less the rise in storage
    /// (a tank held full by a float valve shows what was drawn), else the falls of its level.
    /// </summary>
    public double OutflowL => Metered ? Math.Max(0, InflowL - (DeliveredL - DrawnL)) : DrawnL;

    /// <summary>The water that entered the tank that day: the metered inflow, else the rises of its level.</summary>
    public double IncomingL => Metered ? InflowL : DeliveredL;

    /// <summary>The part of <see cref="OutflowL"/> estimated while the tank filled; none for a metered tank.</summary>
    public double OutflowEstimatedL => Metered ? 0 : EstimatedL;
}
