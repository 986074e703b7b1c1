using CampWater.Water;

namespace CampWater.Trucking;

/// <summary>
/// Turns the ledger's view of the filtered estimate into fills: a rise that the ledger counted as delivered
/// (so noise and false echoes, which it never counts, are never a fill) from the last estimate before it to
/// its top, plus the water the ledger estimates people drew meanwhile. A fill is given once that estimate is
/// final (an hour into the fall after it, or when the next fill starts); a dip of less than
/// <see cref="MergeGap"/> inside a fill does not split it; a rise of less than <see cref="MinimumPctOfCapacity"/>
/// of the tank is no delivery.
/// </summary>
public static class FillDetector
{
    /// <summary>A rise smaller than this share of capacity is a pump's top-up or a ripple, not a truck.</summary>
    public const double MinimumPctOfCapacity = 2;

    /// <summary>A rise that resumes within this time of its top is the same fill (a truck that paused).</summary>
    public static readonly TimeSpan MergeGap = TimeSpan.FromMinutes(20);

    /// <summary>
    /// Follows one estimate the ledger just counted (<paramref name="step"/>, with <paramref name="filter"/> as it
    /// left it); returns the fill it completed, if any.
    /// </summary>
    public static SeenFill? Step(FillWatch watch, EstimatePoint point, LedgerStep step, NoiseFilter filter, double capacityL)
    {
        ArgumentNullException.ThrowIfNull(watch);
        ArgumentNullException.ThrowIfNull(filter);
        SeenFill? done = null;

        // The draw during a fill is dated from the ledger's start of it; one dated earlier is a fill before.
        if (watch.Open && step.Estimate is { } draw && draw.From >= watch.LedgerStartAt)
        {
            watch.EstimatedL += draw.Litres;
        }

        if (step.DeliveredL > 0)
        {
            if (watch.Open && watch.EndedAt is { } top && point.At - top > MergeGap)
            {
                done = Finish(watch, capacityL);
            }

            if (!watch.Open)
            {
                watch.Open = true;
                watch.StartedAt = step.From;
                watch.LedgerStartAt = filter.FillStartAt;
                watch.RiseL = 0;
                watch.EstimatedL = 0;
            }

            watch.EndedAt = null;
            watch.RiseL += step.DeliveredL;
            return done;
        }

        if (watch.Open && watch.EndedAt is null && filter.Direction < 0)
        {
            watch.EndedAt = filter.PeakAt ?? point.PreviousAt ?? point.At;
        }

        // The ledger forgets the top once it knows the draw rate after it: the fill's litres are final.
        return watch.Open && watch.EndedAt is not null && filter.PeakAt is null ? Finish(watch, capacityL) : null;
    }

    private static SeenFill? Finish(FillWatch watch, double capacityL)
    {
        var rise = watch.RiseL;
        var litres = Math.Max(rise, rise + watch.EstimatedL);
        var fill = rise >= capacityL * MinimumPctOfCapacity / 100
            ? new SeenFill(++watch.LastSeq, watch.StartedAt, watch.EndedAt ?? watch.StartedAt, Math.Round(litres), Math.Round(rise))
            : null;
        watch.Reset();
        if (fill is not null)
        {
            watch.Pending.Add(fill);
        }

        return fill;
    }
}
