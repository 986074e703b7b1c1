namespace CampWater.Water;

/// <summary>
/// The filtered estimate at one instant, as the ledger and the alert rules take it: the level, how uncertain it
/// is (variance, mm²), how fast it moves, the sensor's accuracy there, and the instant of the estimate before it.
/// </summary>
public readonly record struct EstimatePoint(
    DateTimeOffset At,
    double LevelMm,
    double VarianceMm2,
    double RateMmPerHour,
    double AccuracyMm,
    DateTimeOffset? PreviousAt);
