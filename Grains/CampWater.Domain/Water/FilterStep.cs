namespace CampWater.Water;

/// <summary>
/// One reading through <see cref="LevelFilter"/>: whether it was taken or held, what became of the jump held
/// before it, and the estimates that follow, oldest first: the confirmed jump (when there was one) and this
/// reading (when it was taken). A value type with both estimates inline, so that nothing is allocated per reading.
/// </summary>
public readonly record struct FilterStep(FilterOutcome Outcome, HeldVerdict Held, EstimatePoint? Confirmed, EstimatePoint? Current);
