namespace CampWater.Tanks;

/// <summary>The newest reading a tank applied, with the level it gave.</summary>
[GenerateSerializer, Immutable, Alias("campwater.LatestReading")]
public sealed record LatestReading(
    [property: Id(0)] DateTimeOffset Ts,
    [property: Id(1)] double LevelMm,
    [property: Id(2)] double LevelPct,
    [property: Id(3)] double VolumeL,
    [property: Id(4)] double? BatteryPct,
    [property: Id(5)] double? BatteryV,
    [property: Id(6)] double? Rssi);
