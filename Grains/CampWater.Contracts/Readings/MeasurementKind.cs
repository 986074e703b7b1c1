namespace CampWater.Readings;

/// <summary>What a reading measured; exactly one per reading.</summary>
public enum MeasurementKind
{
    /// <summary>Sensor face to water surface, mm.</summary>
    DistanceMm,
    /// <summary>Water depth above the tank floor, mm.</summary>
    LevelMm,
    /// <summary>Depth as a percentage of the tank's full height.</summary>
    LevelPct,
    /// <summary>Volume held, litres.</summary>
    VolumeL,
    /// <summary>The sensor said it could not measure (a probe missing, an echo it could not read); no value.</summary>
    SensorFailed,
}
