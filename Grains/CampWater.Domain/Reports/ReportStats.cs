namespace CampWater.Reports;

/// <summary>The medians and percentiles of the report card.</summary>
public static class ReportStats
{
    /// <summary>The median: the middle value, or the mean of the two middle values; null for none.</summary>
    public static double? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>The 90th percentile by nearest rank: the smallest value that at least 90 % of the values do not exceed.</summary>
    public static double? P90(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(0.9 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary>A share as a percentage rounded to 0.1; null when there is nothing to share.</summary>
    public static double? Pct(int part, int whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);
}
