namespace CampWater.Water;

/// <summary>
/// What <see cref="DrawLedger"/> carries from one estimate to the next: the level last counted from (null before
/// the first), the direction of the trend being followed (−1 falling, 0 none yet, +1 rising), and what it needs to
/// estimate the water drawn while the tank filled. Mutated in place; kept in grain state, so it survives restarts.
/// Ids 0 and 1 are those of the records stored before, which thus carry on from their anchor.
/// </summary>
[GenerateSerializer, Alias("campwater.NoiseFilter")]
public sealed class NoiseFilter
{
    [Id(0)] public double? AnchorLevelMm { get; set; }

    [Id(1)] public int Direction { get; set; }

    /// <summary>When the estimate counted from was made: a change counted from it happened since then.</summary>
    [Id(2)] public DateTimeOffset AnchorAt { get; set; }

    /// <summary>How uncertain the estimate counted from was (mm²): a change counts once it clears both ends' doubt.</summary>
    [Id(3)] public double AnchorVariance { get; set; }

    /// <summary>The net draw (litres an hour) at the lowest level of the current fall: the rate before a fill that starts there.</summary>
    [Id(4)] public double DrawRateAtAnchorLph { get; set; }

    [Id(5)] public DateTimeOffset FillStartAt { get; set; }

    [Id(6)] public double FillDrawRateLph { get; set; }

    /// <summary>The top of the last fill while the draw rate after it is being measured; null otherwise.</summary>
    [Id(7)] public DateTimeOffset? PeakAt { get; set; }

    [Id(8)] public double PeakVolumeL { get; set; }

    [Id(9)] public double FillHours { get; set; }

    /// <summary>What was booked as drawn during that fill from the rate before it, to be corrected with the rate after.</summary>
    [Id(10)] public double FillEstimatedL { get; set; }

    /// <summary>Forgets the anchor and any fill in progress: the next estimate is counted from afresh.</summary>
    public void Reset()
    {
        AnchorLevelMm = null;
        Direction = 0;
        PeakAt = null;
        DrawRateAtAnchorLph = 0;
    }
}
