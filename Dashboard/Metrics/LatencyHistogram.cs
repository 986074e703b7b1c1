namespace CampWater.Dashboard.Metrics;

/// <summary>A thread-safe Prometheus histogram of durations in seconds, with fixed buckets.</summary>
public sealed class LatencyHistogram
{
    private static readonly double[] DefaultBounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly double[] _bounds;
    private readonly long[] _counts;
    private long _count;
    private double _sum;
    private readonly Lock _sumLock = new();

    /// <param name="bounds">Upper bounds of the buckets in seconds, ascending; the usual Prometheus ones when null.</param>
    public LatencyHistogram(double[]? bounds = null)
    {
        _bounds = bounds ?? DefaultBounds;
        _counts = new long[_bounds.Length + 1];
    }

    /// <summary>
    /// Bounds that grow by a quarter from <paramref name="first"/> up to <paramref name="last"/>: fine enough to
    /// read a p99 or p99.9 to within about 12 %, which the usual buckets are not.
    /// </summary>
    public static double[] Geometric(double first, double last, double factor = 1.25)
    {
        var bounds = new List<double>();
        for (var b = first; b < last * factor; b *= factor)
        {
            bounds.Add(Math.Round(b, 6));
        }

        return [.. bounds];
    }

    public void Observe(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        var i = 0;
        while (i < _bounds.Length && seconds > _bounds[i])
        {
            i++;
        }

        Interlocked.Increment(ref _counts[i]);
        Interlocked.Increment(ref _count);
        lock (_sumLock)
        {
            _sum += seconds;
        }
    }

    public long Count => Interlocked.Read(ref _count);

    public void WriteTo(PrometheusWriter writer, string name, string help)
    {
        writer.Describe(name, "histogram", help);
        long cumulative = 0;
        for (var i = 0; i < _bounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            writer.Sample(name + "_bucket", cumulative, ("le", _bounds[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        }

        cumulative += Interlocked.Read(ref _counts[^1]);
        writer.Sample(name + "_bucket", cumulative, ("le", "+Inf"));
        double sum;
        lock (_sumLock)
        {
            sum = _sum;
        }

        writer.Sample(name + "_sum", sum);
        writer.Sample(name + "_count", cumulative);
    }
}
