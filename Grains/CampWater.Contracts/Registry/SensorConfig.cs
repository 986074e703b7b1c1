namespace CampWater.Registry;

/// <summary>
/// Where the level sensor sits and how well it reads: <see cref="MountHeightMm"/> is sensor face to tank floor;
/// a reading is good to ±(<see cref="AccuracyMm"/> + <see cref="AccuracyPct"/> % of the distance read), the
/// figures that ultrasonic tank sensors state.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.SensorConfig")]
public sealed record SensorConfig(
    [property: Id(0)] double MountHeightMm,
    [property: Id(1)] double BlindZoneMm,
    [property: Id(2)] string? DevEui,
    [property: Id(3)] double AccuracyMm = SensorConfig.DefaultAccuracyMm,
    [property: Id(4)] double AccuracyPct = SensorConfig.DefaultAccuracyPct)
{
    public const double DefaultAccuracyMm = 10;

    public const double DefaultAccuracyPct = 0.3;
}
