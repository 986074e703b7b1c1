namespace CampWater.Testing;

/// <summary>One series of a VictoriaMetrics /api/v1/export answer.</summary>
/// <param name="Metric">The labels, with the metric name under "__name__".</param>
/// <param name="Values">The values, in the order of <paramref name="Timestamps"/>.</param>
/// <param name="Timestamps">Unix milliseconds.</param>
public sealed record ExportedSeries(
    IReadOnlyDictionary<string, string> Metric,
    IReadOnlyList<double> Values,
    IReadOnlyList<long> Timestamps)
{
    public string Name => Metric.GetValueOrDefault("__name__", "");

    public string? Label(string name) => Metric.GetValueOrDefault(name);

    public IEnumerable<(DateTimeOffset At, double Value)> Points =>
        Timestamps.Zip(Values, (at, value) => (DateTimeOffset.FromUnixTimeMilliseconds(at), value));
}
