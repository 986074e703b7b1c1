namespace CampWater.Services;

/// <summary>
/// A water quality test as it arrives, checked for form (each figure in its physical range) but not yet
/// against the camp: its place is a tank or a water point of the camp, by id.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.QualityReading")]
public sealed record QualityReading(
    [property: Id(0)] DateTimeOffset Ts,
    [property: Id(1)] string? TankId,
    [property: Id(2)] string? PointId,
    [property: Id(3)] double? FrcMgL,
    [property: Id(4)] double? TurbidityNtu,
    [property: Id(5)] double? Ph,
    [property: Id(6)] double? EcoliCfu,
    [property: Id(7)] QualitySource Source,
    [property: Id(8)] string By,
    [property: Id(9)] string? Note = null);
