namespace CampWater.Registry;

/// <summary>Where the level sensor sits: <see cref="MountHeightMm"/> is sensor face to tank floor.</summary>
[GenerateSerializer, Immutable, Alias("campwater.SensorConfig")]
public sealed record SensorConfig(
    [property: Id(0)] double MountHeightMm,
    [property: Id(1)] double BlindZoneMm,
    [property: Id(2)] string? DevEui);
