namespace CampWater.Tanks;

/// <summary>
/// The filtered estimate at one instant, in the terms the tank's alert rules judge: the level as a share of
/// height, the volume, the litres the ledger counted as drawn at it (not those estimated during fills), and the
/// net fall as a share of capacity per hour since <see cref="FallSince"/>, the estimate before it.
/// </summary>
public readonly record struct TankEstimate(
    DateTimeOffset At,
    double LevelPct,
    double VolumeL,
    double DrawnL,
    double? FallPctPerHour,
    DateTimeOffset? FallSince);
