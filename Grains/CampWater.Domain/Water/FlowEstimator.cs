using CampWater.Status;

namespace CampWater.Water;

/// <summary>The tank's net flow now, and how long the water lasts at it.</summary>
public static class FlowEstimator
{
    // Over less than this, a few millimetres of ripple read as a flow of hundreds of litres an hour.
    private static readonly TimeSpan s_minimumSpan = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Net flow in litres per hour (negative while draining): the least-squares slope of volume over time of the
    /// points within <paramref name="window"/> before the last one. A fit rather than first-to-last so that one
    /// noisy reading at either end does not swing the figure; points found wild are left out.
    /// </summary>
    public static double? NetFlowLph(ReadOnlySpan<LevelPoint> points, TimeSpan window)
    {
        var end = points.Length;
        while (end > 0 && points[end - 1].Wild)
        {
            end--;
        }

        if (end < 2)
        {
            return null;
        }

        var last = points[end - 1].Ts;
        var first = end - 1;
        while (first > 0 && last - points[first - 1].Ts <= window)
        {
            first--;
        }

        var used = points[first..end];
        double meanT = 0;
        double meanV = 0;
        var count = 0;
        DateTimeOffset? oldest = null;
        foreach (var p in used)
        {
            if (p.Wild)
            {
                continue;
            }

            // Hours before the last point keep the sums small and well conditioned.
            oldest ??= p.Ts;
            meanT += (p.Ts - last).TotalHours;
            meanV += p.VolumeL;
            count++;
        }

        if (count < 2 || last - oldest!.Value < s_minimumSpan)
        {
            return null;
        }

        meanT /= count;
        meanV /= count;

        double covariance = 0;
        double variance = 0;
        foreach (var p in used)
        {
            if (p.Wild)
            {
                continue;
            }

            var dt = (p.Ts - last).TotalHours - meanT;
            covariance += dt * (p.VolumeL - meanV);
            variance += dt * dt;
        }

        return variance > 0 ? covariance / variance : null;
    }

    /// <summary>Hours until empty at <paramref name="flowLph"/>; null unless the tank is draining.</summary>
    public static double? HoursToEmpty(double volumeL, double? flowLph) =>
        flowLph is < 0 ? Math.Max(0, volumeL) / -flowLph.Value : null;
}
