namespace CampWater.Water;

/// <summary>
/// The level estimate that knows the sensor: a Kalman filter of level and rate whose measurement noise is the
/// sensor's stated accuracy (σ = half of it), learnt down to what the readings show when the sensor proves
/// quieter. A reading that jumps from the prediction is held until the next reading confirms it (the level
/// stayed or went on: the estimate starts again from it) or refutes it (the level is back: it was wild). One
/// state per tank, updated in place, a few multiplications per reading.
/// </summary>
/// <remarks>
/// Chosen over a hysteresis band on the raw readings, a median of three, and an exponential average by measuring
/// all of them on generated days (README, "How the level is estimated"): with readings every 1 to 20 minutes,
/// 10 % lost, noise at the stated accuracy and one false echo in 200, it is the one that kept a steady tank's
/// ledger at 0 and a day of draws and truck fills within about 3 %.
/// </remarks>
public static class LevelFilter
{
    /// <summary>A reading further from the prediction than this many of its standard deviations is held as a jump...</summary>
    public const double JumpSigmas = 5;

    /// <summary>
    /// ...and further than this many times the sensor's stated accuracy: a sensor that proved quieter than stated
    /// still has its readings judged against what it states, so that a smooth change never passes for a jump.
    /// </summary>
    public const double JumpAccuracies = 2;

    /// <summary>
    /// A reading nearer the last estimate than the prediction, with both further apart than this many standard
    /// deviations, says the level stopped moving (a truck or a pump stopped): the rate is dropped at once rather
    /// than overshoot for several readings, which measured as 2 % too much drawn and delivered per fill.
    /// </summary>
    public const double StopSigmas = 2;

    /// <summary>How fast the rate may wander: 1 % of the tank's height per hour, per √hour (the process noise).</summary>
    public const double RateWanderShare = 0.01;

    /// <summary>How uncertain the rate is when the estimate starts again: 10 % of the height per hour.</summary>
    public const double RestartRateShare = 0.05;

    /// <summary>The longest time over which the doubt that a reading must keep to grows (see <see cref="Predict"/>).</summary>
    public static readonly TimeSpan GateHorizon = TimeSpan.FromHours(1);

    /// <summary>A confirmed jump over at most this long goes on at the rate it showed.</summary>
    public static readonly TimeSpan ImpliedRateWithin = TimeSpan.FromHours(1);

    /// <summary>Readings over which the sensor's actual noise is learnt.</summary>
    public const int NoiseReadings = 30;

    // A sensor never counts as better than σ 0.25 mm: below that, rounding in payloads is all there is.
    private const double MinNoiseVariance = 0.0625;

    public static FilterStep Step(LevelEstimate estimate, DateTimeOffset ts, double levelMm, double accuracyMm, double fullHeightMm)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var e = estimate;
        if (e.LevelMm is null)
        {
            // A tank's first reading counts at once.
            Restart(e, ts, levelMm, null, Noise(e, accuracyMm), fullHeightMm);
            return new FilterStep(FilterOutcome.Taken, HeldVerdict.None, null, Point(e, accuracyMm, null));
        }

        var verdict = HeldVerdict.None;
        EstimatePoint? confirmed = null;
        if (e.HeldLevelMm is { } held)
        {
            verdict = Judge(e, held, ts, levelMm, accuracyMm, fullHeightMm);
            if (verdict == HeldVerdict.Confirmed)
            {
                // A jump within the hour is a fast change that may go on (a truck, a burst pipe) at the rate it
                // showed; after a longer silence that rate is an average of hours, and says nothing of now.
                var before = e.At;
                var span = e.HeldAt - e.At;
                double? implied = span <= ImpliedRateWithin ? (held - e.LevelMm.Value) / span.TotalHours : null;
                Restart(e, e.HeldAt, held, implied, Noise(e, e.HeldAccuracyMm), fullHeightMm);
                confirmed = Point(e, e.HeldAccuracyMm, before);
            }

            e.HeldLevelMm = null;
        }

        var previous = e.At;
        var r = Noise(e, accuracyMm);
        var (predicted, s, gate) = Predict(e, ts, r, fullHeightMm);
        var last = e.LevelMm!.Value;
        if (Math.Abs(predicted - last) > StopSigmas * Math.Sqrt(s) && Math.Abs(levelMm - predicted) > StopSigmas * Math.Sqrt(s)
            && Math.Abs(levelMm - last) < Math.Abs(levelMm - predicted) && Math.Abs(levelMm - last) <= Gate(e.LevelVariance + r, accuracyMm))
        {
            e.RateMmPerHour = 0;
            e.Covariance = 0;
            e.RateVariance = Math.Max(e.RateVariance, RestartRateVariance(fullHeightMm));
            (predicted, s, gate) = Predict(e, ts, r, fullHeightMm);
        }

        var innovation = levelMm - predicted;
        if (Math.Abs(innovation) > Gate(gate, accuracyMm))
        {
            e.HeldLevelMm = levelMm;
            e.HeldAt = ts;
            e.HeldAccuracyMm = accuracyMm;
            return new FilterStep(FilterOutcome.Held, verdict, confirmed, null);
        }

        Learn(e, innovation, s - r, accuracyMm);
        Update(e, ts, levelMm, Noise(e, accuracyMm), fullHeightMm);
        e.RateKnown = true;
        return new FilterStep(FilterOutcome.Taken, verdict, confirmed, Point(e, accuracyMm, previous));
    }

    /// <summary>
    /// The held jump is refuted when this reading is back within reach of where the level was, or of where it was
    /// going, and nearer there than to the jump; confirmed when it stays near the jump or goes on past it (allowing
    /// the draw that went on before a fill to go on after it); anything else leaves it unconfirmed, and so wild too.
    /// </summary>
    private static HeldVerdict Judge(LevelEstimate e, double held, DateTimeOffset ts, double levelMm, double accuracyMm, double fullHeightMm)
    {
        var r = Noise(e, accuracyMm);
        var (predicted, _, gate) = Predict(e, ts, r, fullHeightMm);
        var toGoing = Math.Abs(levelMm - predicted);
        var toWas = Math.Abs(levelMm - e.LevelMm!.Value);
        var back = toGoing <= Gate(gate, accuracyMm) || toWas <= Gate(e.LevelVariance + r, accuracyMm);
        if (back && Math.Min(toGoing, toWas) < Math.Abs(levelMm - held))
        {
            return HeldVerdict.Wild;
        }

        var (atJump, _, _) = Predict(e, e.HeldAt, r, fullHeightMm);
        var side = Math.Sign(held - atJump);
        var allowance = (JumpAccuracies * accuracyMm) + (Math.Max(0, -side * e.RateMmPerHour) * (ts - e.HeldAt).TotalHours * 2);
        return side * (levelMm - held) >= -allowance ? HeldVerdict.Confirmed : HeldVerdict.Wild;
    }

    /// <summary>
    /// Where the level should be at <paramref name="ts"/>, and how sure of it the filter is: the variance of a
    /// reading there (the prediction's, with the noise), and the one a reading must keep to not to be a jump. That
    /// one grows with the time since the estimate for an hour at most, since after a longer silence the level may be
    /// anywhere and a reading far from the line should wait for the next to confirm it; and it leaves out the rate
    /// while no rate is known, so that the second reading of a tank is judged against the first.
    /// </summary>
    private static (double Level, double Variance, double GateVariance) Predict(LevelEstimate e, DateTimeOffset ts, double noise, double fullHeightMm)
    {
        var dt = (ts - e.At).TotalHours;
        var q = ProcessNoise(fullHeightMm);
        var level = Math.Clamp(e.LevelMm!.Value + (e.RateMmPerHour * dt), 0, fullHeightMm);
        var p11 = e.LevelVariance + (2 * dt * e.Covariance) + (dt * dt * e.RateVariance) + (q * dt * dt * dt / 3);
        var doubt = Math.Min(dt, GateHorizon.TotalHours);
        var gate = e.LevelVariance + (q * doubt * doubt * doubt / 3);
        if (e.RateKnown)
        {
            gate += (2 * doubt * e.Covariance) + (doubt * doubt * e.RateVariance);
        }

        return (level, p11 + noise, gate + noise);
    }

    private static void Update(LevelEstimate e, DateTimeOffset ts, double levelMm, double noise, double fullHeightMm)
    {
        var dt = (ts - e.At).TotalHours;
        var q = ProcessNoise(fullHeightMm);
        var level = Math.Clamp(e.LevelMm!.Value + (e.RateMmPerHour * dt), 0, fullHeightMm);
        var p11 = e.LevelVariance + (2 * dt * e.Covariance) + (dt * dt * e.RateVariance) + (q * dt * dt * dt / 3);
        var p12 = e.Covariance + (dt * e.RateVariance) + (q * dt * dt / 2);
        var p22 = e.RateVariance + (q * dt);
        var s = p11 + noise;
        var k1 = p11 / s;
        var k2 = p12 / s;
        var innovation = levelMm - level;
        e.LevelMm = Math.Clamp(level + (k1 * innovation), 0, fullHeightMm);
        e.RateMmPerHour += k2 * innovation;
        e.LevelVariance = (1 - k1) * p11;
        e.Covariance = (1 - k1) * p12;
        e.RateVariance = p22 - (k2 * p12);
        e.At = ts;
    }

    /// <summary>
    /// Starts the estimate again at a reading: at the rate a jump showed, or, knowing no rate (a first reading, a
    /// silence of hours), with any rate possible, so that the next reading sets it.
    /// </summary>
    private static void Restart(LevelEstimate e, DateTimeOffset ts, double levelMm, double? rateMmPerHour, double noise, double fullHeightMm)
    {
        e.LevelMm = Math.Clamp(levelMm, 0, fullHeightMm);
        e.RateMmPerHour = rateMmPerHour ?? 0;
        e.LevelVariance = noise;
        e.Covariance = 0;
        e.RateVariance = rateMmPerHour is null ? Sq(fullHeightMm) : RestartRateVariance(fullHeightMm);
        e.RateKnown = rateMmPerHour is not null;
        e.At = ts;
    }

    /// <summary>
    /// Learns the sensor's noise from how far the readings it takes land from the prediction, less what the
    /// prediction itself is unsure of. Jumps are not noise and teach nothing, so a false echo cannot teach the
    /// filter to follow echoes.
    /// </summary>
    private static void Learn(LevelEstimate e, double innovation, double predictedVariance, double accuracyMm)
    {
        var stated = Sq(accuracyMm / 2);
        var sample = (innovation * innovation) - predictedVariance;
        e.NoiseVariance = e.NoiseVariance < 0 ? stated : e.NoiseVariance + ((sample - e.NoiseVariance) / NoiseReadings);
    }

    /// <summary>The noise a reading is taken with: what the sensor has shown, never more than its stated accuracy.</summary>
    private static double Noise(LevelEstimate e, double accuracyMm)
    {
        var stated = Sq(accuracyMm / 2);
        return e.NoiseVariance < 0 ? stated : Math.Clamp(e.NoiseVariance, MinNoiseVariance, Math.Max(stated, MinNoiseVariance));
    }

    /// <summary>How far from the prediction a reading may land and still be taken: a jump is further than both.</summary>
    private static double Gate(double variance, double accuracyMm) => Math.Max(JumpSigmas * Math.Sqrt(variance), JumpAccuracies * accuracyMm);

    private static double ProcessNoise(double fullHeightMm) => Sq(RateWanderShare * fullHeightMm);

    private static double RestartRateVariance(double fullHeightMm) => Sq(RestartRateShare * fullHeightMm);

    private static EstimatePoint Point(LevelEstimate e, double accuracyMm, DateTimeOffset? previous) =>
        new(e.At, e.LevelMm!.Value, e.LevelVariance, e.RateMmPerHour, accuracyMm, previous);

    private static double Sq(double x) => x * x;
}
