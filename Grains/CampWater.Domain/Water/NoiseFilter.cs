namespace CampWater.Water;

/// <summary>
/// The state that <see cref="DrawLedger"/> carries from one reading to the next: the level last
/// counted from (null before the first reading) and the direction of the trend being followed
/// (−1 falling, 0 none yet, +1 rising). Kept in grain state, so it survives restarts.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.NoiseFilter")]
public sealed record NoiseFilter(
    [property: Id(0)] double? AnchorLevelMm,
    [property: Id(1)] int Direction)
{
    public static NoiseFilter Empty { get; } = new(null, 0);
}
