using System.Globalization;

namespace CampWater.Bench;

/// <summary>One reading of the silo's <c>/metrics</c>: every sample by its name and labels as written.</summary>
public sealed class MetricsScrape
{
    private readonly Dictionary<string, double> _samples;

    private MetricsScrape(Dictionary<string, double> samples) => _samples = samples;

    public static MetricsScrape Empty { get; } = new([]);

    public static async Task<MetricsScrape> ReadAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        var text = await http.GetStringAsync("metrics", cancellationToken);
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            if (space > 0 && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                samples[line[..space]] = value;
            }
        }

        return new MetricsScrape(samples);
    }

    /// <summary>A sample by its exact series text, e.g. <c>campwater_readings_total{outcome="applied"}</c>; 0 if absent.</summary>
    public double this[string series] => _samples.GetValueOrDefault(series);

    public double Accepted => this["campwater_readings_accepted_total"];

    public double Received => this["campwater_readings_received_total"];

    public double Failed => this["campwater_readings_failed_total"];

    public double Rejected => Sum("campwater_readings_rejected_total{");

    public double Sum(string prefix) => _samples.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>The cumulative buckets of a histogram: (upper bound in seconds, count at or below it), ascending.</summary>
    public IReadOnlyList<(double Le, double Count)> Buckets(string histogram)
    {
        var prefix = histogram + "_bucket{le=\"";
        return [.. _samples
            .Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(kv =>
            {
                var le = kv.Key[prefix.Length..^2];
                return (Le: le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture), Count: kv.Value);
            })
            .OrderBy(b => b.Le)];
    }
}
