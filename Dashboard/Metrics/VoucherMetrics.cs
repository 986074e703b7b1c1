using System.Collections.Concurrent;

namespace CampWater.Dashboard.Metrics;

/// <summary>Vouchers entered through the API, counted by outcome: recorded, duplicate, or invalid by the field at fault.</summary>
public sealed class VoucherMetrics : IMetricsSource
{
    private readonly ConcurrentDictionary<(string Outcome, string Field), long> _counts = new();

    public void Count(string outcome, string field = "") => _counts.AddOrUpdate((outcome, field), 1, (_, n) => n + 1);

    public void WriteTo(PrometheusWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Describe("campwater_vouchers_total", "counter", "Trucking vouchers entered, by outcome (and the field at fault when invalid).");
        foreach (var ((outcome, field), n) in _counts.OrderBy(c => c.Key))
        {
            writer.Sample("campwater_vouchers_total", n, ("outcome", outcome), ("field", field));
        }
    }
}
