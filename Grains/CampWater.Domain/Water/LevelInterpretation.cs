namespace CampWater.Water;

/// <summary>
/// What one reading means for a tank. For a fault the level fields are 0 and <see cref="DepthMm"/>
/// keeps the impossible depth that was computed, so the fault can be shown as the sensor saw it.
/// </summary>
public readonly record struct LevelInterpretation(
    bool IsFault,
    string? FaultReason,
    double DepthMm,
    double LevelMm,
    double LevelPct,
    double VolumeL);
