namespace CampWater.Water;

/// <summary>
/// What <see cref="LevelFilter"/> carries from one reading to the next: the estimated level and its rate of
/// change with their uncertainty, the measurement noise the sensor has shown, and a reading held back because it
/// jumped from the estimate. Mutated in place (one per tank, no allocation per reading); kept in grain state, so
/// it survives restarts.
/// </summary>
[GenerateSerializer, Alias("campwater.LevelEstimate")]
public sealed class LevelEstimate
{
    /// <summary>The estimated level; null before the first reading (or after the sensor or shape changed).</summary>
    [Id(0)] public double? LevelMm { get; set; }

    [Id(1)] public double RateMmPerHour { get; set; }

    /// <summary>Variance of the level (mm²), covariance of level and rate, variance of the rate ((mm/h)²).</summary>
    [Id(2)] public double LevelVariance { get; set; }

    [Id(3)] public double Covariance { get; set; }

    [Id(4)] public double RateVariance { get; set; }

    /// <summary>When the estimate was last brought up to date by a reading.</summary>
    [Id(5)] public DateTimeOffset At { get; set; }

    /// <summary>The variance of the sensor's noise as its readings have shown it (mm²); below 0 while not yet learnt.</summary>
    [Id(6)] public double NoiseVariance { get; set; } = -1;

    /// <summary>A reading that jumped from the estimate, waiting for the next one to confirm or refute it.</summary>
    [Id(7)] public double? HeldLevelMm { get; set; }

    [Id(8)] public DateTimeOffset HeldAt { get; set; }

    [Id(9)] public double HeldAccuracyMm { get; set; }

    /// <summary>
    /// Whether the rate has been measured: false from a first reading until the next, and after a silence too long
    /// for a jump to say how fast the level moves now.
    /// </summary>
    [Id(10)] public bool RateKnown { get; set; }

    /// <summary>Forgets everything: the next reading starts the estimate afresh.</summary>
    public void Reset()
    {
        LevelMm = null;
        RateMmPerHour = 0;
        LevelVariance = Covariance = RateVariance = 0;
        HeldLevelMm = null;
        RateKnown = false;
    }
}
