namespace CampWater.Tanks;

/// <summary>
/// The newest reading a tank applied, with the level it gave as read, and how far the filtered estimate stood
/// from it then (0 in records stored before the estimate existed).
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.LatestReading")]
public sealed record LatestReading(
    [property: Id(0)] DateTimeOffset Ts,
    [property: Id(1)] double LevelMm,
    [property: Id(2)] double LevelPct,
    [property: Id(3)] double VolumeL,
    [property: Id(4)] double? BatteryPct,
    [property: Id(5)] double? BatteryV,
    [property: Id(6)] double? Rssi,
    [property: Id(7)] double EstimateOffsetMm = 0);
