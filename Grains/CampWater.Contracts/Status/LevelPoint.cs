namespace CampWater.Status;

/// <summary>One point of a tank's level history.</summary>
[GenerateSerializer, Immutable, Alias("campwater.LevelPoint")]
public readonly record struct LevelPoint(
    [property: Id(0)] DateTimeOffset Ts,
    [property: Id(1)] double LevelMm,
    [property: Id(2)] double VolumeL);
