namespace CampWater.Dashboard.Metrics;

/// <summary>A thread-safe Prometheus histogram of durations in seconds, with fixed buckets.</summary>
public sealed class LatencyHistogram
{
    private static readonly double[] Bounds = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private readonly long[] _counts = new long[Bounds.Length + 1];
    private long _count;
    private double _sum;
    private readonly Lock _sumLock = new();

    public void Observe(TimeSpan duration)
    {
        var seconds = duration.TotalSeconds;
        var i = 0;
        while (i < Bounds.Length && seconds > Bounds[i])
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
        for (var i = 0; i < Bounds.Length; i++)
        {
            cumulative += Interlocked.Read(ref _counts[i]);
            writer.Sample(name + "_bucket", cumulative, ("le", Bounds[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
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
