using CampWater.Dashboard.Metrics;
using CampWater.Readings;

namespace CampWater.Silo.Ingestion;

/// <summary>What ingestion took in and what became of it, for <c>/metrics</c>.</summary>
public sealed class IngestionMetrics : IMetricsSource
{
    private static readonly RejectReason[] Reasons = Enum.GetValues<RejectReason>();
    private static readonly ApplyOutcome[] Outcomes = Enum.GetValues<ApplyOutcome>();
    private readonly long[] _rejected = new long[Reasons.Length];
    private readonly long[] _outcomes = new long[Outcomes.Length];
    private long _received;
    private long _failed;

    public LatencyHistogram Latency { get; } = new();

    /// <summary>
    /// From a reading's own timestamp to its tank having stored it. A sensor's clock, the network and the broker
    /// are all in it, so it says how fresh what people see is; a publisher that stamps readings as it sends
    /// them (the load benchmark) reads publish→applied from it.
    /// </summary>
    public LatencyHistogram Age { get; } = new(LatencyHistogram.Geometric(0.0005, 60));

    public void Received() => Interlocked.Increment(ref _received);

    public void Rejected(RejectReason reason) => Interlocked.Increment(ref _rejected[(int)reason]);

    public void Outcome(ApplyOutcome outcome) => Interlocked.Increment(ref _outcomes[(int)outcome]);

    public void Failed() => Interlocked.Increment(ref _failed);

    public long RejectedCount(RejectReason reason) => Interlocked.Read(ref _rejected[(int)reason]);

    public long OutcomeCount(ApplyOutcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);

    public void WriteTo(PrometheusWriter writer)
    {
        writer.Describe("campwater_readings_received_total", "counter", "MQTT messages received on reading topics.");
        writer.Sample("campwater_readings_received_total", Interlocked.Read(ref _received));

        long accepted = 0;
        writer.Describe("campwater_readings_total", "counter", "Accepted readings by what the tank did with them.");
        foreach (var outcome in Outcomes)
        {
            if (outcome == ApplyOutcome.UnknownTank)
            {
                continue;
            }

            var count = OutcomeCount(outcome);
            accepted += count;
            writer.Sample("campwater_readings_total", count, ("outcome", OutcomeName(outcome)));
        }

        writer.Describe("campwater_readings_accepted_total", "counter", "Readings accepted (applied, sensor faults, duplicates and late ones).");
        writer.Sample("campwater_readings_accepted_total", accepted);

        writer.Describe("campwater_readings_rejected_total", "counter", "Readings rejected, by reason.");
        foreach (var reason in Reasons)
        {
            var count = RejectedCount(reason);
            if (reason == RejectReason.UnknownTank)
            {
                count += OutcomeCount(ApplyOutcome.UnknownTank);
            }

            writer.Sample("campwater_readings_rejected_total", count, ("reason", RejectReasons.Name(reason)));
        }

        writer.Describe("campwater_readings_failed_total", "counter", "Readings that could not be handed to their tank after retries (left unacknowledged for redelivery).");
        writer.Sample("campwater_readings_failed_total", Interlocked.Read(ref _failed));

        Latency.WriteTo(writer, "campwater_ingest_latency_seconds", "From receipt of a reading to its tank having taken it.");
        Age.WriteTo(writer, "campwater_reading_age_seconds", "From a reading's own timestamp to its tank having applied and stored it.");
    }

    public static string OutcomeName(ApplyOutcome outcome) => outcome switch
    {
        ApplyOutcome.Applied => "applied",
        ApplyOutcome.SensorFault => "sensor-fault",
        ApplyOutcome.Duplicate => "duplicate",
        ApplyOutcome.Late => "late",
        ApplyOutcome.Wild => "wild",
        _ => "unknown-tank",
    };
}
