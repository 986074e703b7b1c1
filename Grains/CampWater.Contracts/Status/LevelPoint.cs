namespace CampWater.Status;

/// <summary>
/// One point of a tank's level history: the reading as read, how far the filtered estimate stood from it
/// (<see cref="EstimateOffsetMm"/>; 0 in points kept before the estimate existed), and whether a later reading
/// showed it to be wild (a false echo that the ledger and alerts left out).
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.LevelPoint")]
public readonly record struct LevelPoint(
    [property: Id(0)] DateTimeOffset Ts,
    [property: Id(1)] double LevelMm,
    [property: Id(2)] double VolumeL,
    [property: Id(3)] float EstimateOffsetMm = 0,
    [property: Id(4)] bool Wild = false)
{
    /// <summary>The filtered estimate of the level at <see cref="Ts"/>.</summary>
    public double EstimateMm => LevelMm + EstimateOffsetMm;
}
