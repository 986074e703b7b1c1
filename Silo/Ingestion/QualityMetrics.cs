using CampWater.Dashboard.Metrics;
using CampWater.Services;

namespace CampWater.Silo.Ingestion;

/// <summary>What became of the water quality readings of online sensors, for <c>/metrics</c>.</summary>
public sealed class QualityMetrics : IMetricsSource
{
    private static readonly QualityOutcome[] Outcomes = Enum.GetValues<QualityOutcome>();
    private readonly long[] _outcomes = new long[Outcomes.Length];
    private long _failed;

    public void Outcome(QualityOutcome outcome) => Interlocked.Increment(ref _outcomes[(int)outcome]);

    public void Failed() => Interlocked.Increment(ref _failed);

    public long OutcomeCount(QualityOutcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);

    public void WriteTo(PrometheusWriter writer)
    {
        writer.Describe("campwater_quality_readings_total", "counter", "Water quality readings of sensors taken by a camp, by what it did with them (recorded, late, duplicate).");
        foreach (var outcome in Outcomes)
        {
            if (outcome != QualityOutcome.UnknownPlace)
            {
                writer.Sample("campwater_quality_readings_total", OutcomeCount(outcome), ("outcome", OutcomeName(outcome)));
            }
        }

        writer.Describe("campwater_quality_readings_failed_total", "counter", "Water quality readings that could not be handed to their camp after retries (left unacknowledged for redelivery).");
        writer.Sample("campwater_quality_readings_failed_total", Interlocked.Read(ref _failed));
    }

    public static string OutcomeName(QualityOutcome outcome) => outcome switch
    {
        QualityOutcome.Recorded => "recorded",
        QualityOutcome.Late => "late",
        QualityOutcome.Duplicate => "duplicate",
        _ => "unknown-place",
    };
}
