using CampWater.Status;

namespace CampWater.Water;

/// <summary>A camp's figures against its target, from its tanks' ledgers.</summary>
public static class CampRollup
{
    // Autonomy looks at a week: long enough to smooth a delivery day, short enough to follow a change
    // of population or of habit.
    private const int AutonomyDays = 7;

    /// <summary>
    /// The share of a day that readings must cover for the day to be judged against the target: a day of
    /// missing data says nothing about how much water people had.
    /// </summary>
    public const double JudgedCompleteness = 0.9;

    /// <summary>
    /// One camp-local day. <paramref name="network"/>, when given, says what was drawn and delivered over the camp's
    /// network of tanks; without it every tank's own figures add up. <paramref name="tankDays"/> has one entry per tank of the camp, null for a
    /// tank with no record that day; such a tank counts as not covered at all, so a silent sensor
    /// lowers completeness instead of vanishing from it. No record at all (no readings) or no people: no
    /// litres per person; below <see cref="JudgedCompleteness"/>: no verdict.
    /// </summary>
    public static DailyCoverage Day(
        DateOnly date,
        int population,
        double targetLpd,
        IReadOnlyList<TankDayRecord?> tankDays,
        double daySeconds,
        NetworkDay? network = null)
    {
        ArgumentNullException.ThrowIfNull(tankDays);

        double drawn = 0;
        double delivered = 0;
        double estimated = 0;
        double covered = 0;
        var read = false;
        foreach (var day in tankDays)
        {
            if (day is null)
            {
                continue;
            }

            read = true;
            drawn += day.OutflowL;
            delivered += day.IncomingL;
            estimated += day.OutflowEstimatedL;
            if (daySeconds > 0)
            {
                covered += Math.Clamp(day.CoveredSeconds / daySeconds, 0, 1);
            }
        }

        if (network is not null)
        {
            (drawn, delivered, estimated) = (network.DrawnL, network.DeliveredL, network.EstimatedL);
        }

        double? lpd = read && population > 0 ? drawn / population : null;
        var completeness = tankDays.Count > 0 ? covered / tankDays.Count : 0;
        bool? met = lpd is { } l && completeness >= JudgedCompleteness ? l >= targetLpd : null;
        return new DailyCoverage(date, population, drawn, delivered, lpd, targetLpd, met, completeness, estimated);
    }

    /// <summary>
    /// Share (0–100) of the people served by tanks whose own yesterday's litres per person met the
    /// target: a camp average can hide a section that went short. Null when no one is served.
    /// </summary>
    public static double? CoveragePct(IReadOnlyList<(int ServesPopulation, double? YesterdayDrawnL)> tanks, double targetLpd)
    {
        ArgumentNullException.ThrowIfNull(tanks);

        long served = 0;
        long met = 0;
        foreach (var (people, drawn) in tanks)
        {
            if (people <= 0)
            {
                continue;
            }

            served += people;
            if (drawn is { } litres && litres / people >= targetLpd)
            {
                met += people;
            }
        }

        return served > 0 ? 100.0 * met / served : null;
    }

    /// <summary>
    /// Days the water now in the tanks lasts at the mean of the last (up to 7) complete days' draw,
    /// given oldest first. Null when there is no such day or nothing was drawn.
    /// </summary>
    public static double? DaysOfAutonomy(double volumeNowL, IReadOnlyList<double> drawnLastCompleteDays)
    {
        ArgumentNullException.ThrowIfNull(drawnLastCompleteDays);

        var count = Math.Min(AutonomyDays, drawnLastCompleteDays.Count);
        if (count == 0)
        {
            return null;
        }

        double sum = 0;
        for (var i = drawnLastCompleteDays.Count - count; i < drawnLastCompleteDays.Count; i++)
        {
            sum += drawnLastCompleteDays[i];
        }

        var mean = sum / count;
        return mean > 0 ? volumeNowL / mean : null;
    }

    /// <summary>
    /// The people each tank serves: its configured figure, else an even share of the camp population
    /// that no configured tank serves, the remainder going one person each to the first tanks without a
    /// figure, so that the tanks always add up to the camp's population.
    /// </summary>
    public static int[] ServesPopulation(int campPopulation, IReadOnlyList<int?> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);

        var result = new int[configured.Count];
        if (configured.Count == 0)
        {
            return result;
        }

        // People not served by a tank with its own figure are shared evenly over the tanks without one,
        // so that the tanks of a camp always serve its whole population.
        var unset = configured.Count(c => c is null);
        var rest = Math.Max(0, Math.Max(0, campPopulation) - configured.Sum(c => c ?? 0));
        var share = unset == 0 ? 0 : rest / unset;
        var remainder = unset == 0 ? 0 : rest % unset;
        for (var i = 0; i < configured.Count; i++)
        {
            if (configured[i] is { } people)
            {
                result[i] = people;
            }
            else
            {
                result[i] = share + (remainder > 0 ? 1 : 0);
                remainder--;
            }
        }

        return result;
    }
}
