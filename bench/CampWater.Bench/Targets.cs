using System.Globalization;

namespace CampWater.Bench;

/// <summary>The issue's targets, judged against one run's figures.</summary>
public static class Targets
{
    public static List<TargetResult> Evaluate(BenchReport report)
    {
        var targets = new List<TargetResult>();
        var memory = Find(report, "memory", "throughput");
        if (memory is not null)
        {
            targets.Add(new(
                $"memory: ≥ 20,000 readings/s sustained for 60 s over 10,000 tanks",
                $"{N(memory.SustainedRate)}/s over {N(memory.Tanks)} tanks, {N(memory.PublishSeconds)} s at {N(memory.PublishRate)}/s offered, drained {N(memory.DrainSeconds)} s after; {Lost(memory)}",
                memory.SustainedRate >= 20_000 && memory.PublishSeconds >= 59 && memory.Tanks >= 10_000 && Complete(memory)));
        }

        var latency = Find(report, "memory", "latency");
        if (latency is not null)
        {
            targets.Add(new(
                "memory: p99 publish→applied ≤ 100 ms at 10,000 readings/s",
                $"p50 {N(latency.P50Ms)} ms, p99 {N(latency.P99Ms)} ms, p99.9 {N(latency.P999Ms)} ms at {N(latency.PublishRate)}/s",
                latency.P99Ms <= 100 && latency.PublishRate >= 9_900));
        }

        var sweep = report.Options.SweepRates
            .Select(rate => Find(report, "memory", BenchRun.SweepPhase(rate)))
            .OfType<PhaseResult>()
            .ToList();
        if (sweep.Count > 0)
        {
            var within = sweep.Where(p => p.P99Ms <= 100 && p.PublishRate >= 0.99 * p.TargetRate && Complete(p)).ToList();
            targets.Add(new(
                "memory: highest rate with p99 publish→applied ≤ 100 ms (not a target; where the one above stops holding)",
                (within.Count > 0 ? $"{N(within.Max(p => p.TargetRate))}/s" : "none of the rates swept") + "; p99 by rate: " +
                    string.Join(", ", sweep.Select(p => $"{N(p.TargetRate)}/s {N(p.P99Ms)} ms")),
                null));
        }

        var flood = Find(report, "memory", "flood");
        if (flood is not null && report.Relay is { RelayRate: > 0 } relay)
        {
            var ratio = flood.SustainedRate / relay.RelayRate;
            targets.Add(new(
                "memory: ≥ 0.5 of mosquitto-alone's relay rate",
                $"{ratio.ToString("0.00", CultureInfo.InvariantCulture)} ({N(flood.SustainedRate)}/s vs mosquitto alone to mosquitto_sub {N(relay.RelayRate)}/s, same generator, QoS {flood.Qos}" +
                    (report.RelayMqttNet is { } mqttNet ? $"; mosquitto to an MQTTnet client alone: {N(mqttNet.RelayRate)}/s)" : ")"),
                ratio >= 0.5));
        }

        var redis = Find(report, "redis", "throughput");
        if (redis is not null)
        {
            targets.Add(new(
                "redis, at-least-once: ≥ 5,000 readings/s sustained",
                $"{N(redis.SustainedRate)}/s over {N(redis.PublishSeconds)} s at {N(redis.PublishRate)}/s offered, drained {N(redis.DrainSeconds)} s after; {Lost(redis)}",
                redis.SustainedRate >= 5_000 && Complete(redis)));
        }

        var redisFlood = Find(report, "redis", "flood");
        if (redisFlood is not null)
        {
            targets.Add(new("redis: most readings/s (as fast as the generator publishes; not a target)", $"{N(redisFlood.SustainedRate)}/s", null));
        }

        var redisLatency = Find(report, "redis", "latency");
        if (redisLatency is not null)
        {
            targets.Add(new(
                "redis: p99 publish→applied ≤ 250 ms at 2,000 readings/s",
                $"p50 {N(redisLatency.P50Ms)} ms, p99 {N(redisLatency.P99Ms)} ms, p99.9 {N(redisLatency.P999Ms)} ms at {N(redisLatency.PublishRate)}/s",
                redisLatency.P99Ms <= 250 && redisLatency.PublishRate >= 1_980));
        }

        if (report.BigFleet is { } big)
        {
            targets.Add(new(
                "100,000 tanks registered, each with a reading: silo peak RSS ≤ 1.5 GB",
                $"peak {Mib(big.PeakRssBytes)} ({N(big.Tanks)} tanks, {N(big.Accepted)} readings accepted; {Mib(big.RssAfterBytes)} after, {Mib(big.RssBeforeReadingsBytes)} registered before any reading; registry applied in {N(big.StartSeconds)} s)",
                big.PeakRssBytes <= 1_500_000_000 && big.Tanks >= 100_000 && big.Accepted >= big.Tanks));
        }

        var live = Find(report, "memory", "live");
        if (live?.Live is { } hub)
        {
            targets.Add(new(
                "live: p99 publish→hub message ≤ 500 ms at 2,000 readings/s with 1,000 tanks watched",
                $"p50 {N(hub.P50Ms)} ms, p99 {N(hub.P99Ms)} ms, p99.9 {N(hub.P999Ms)} ms over {N(hub.Messages)} tankUpdated for {N(hub.WatchedTanks)} watched tanks at {N(live.PublishRate)}/s",
                hub.P99Ms <= 500 && hub.WatchedTanks >= 1_000 && live.PublishRate >= 1_980));
        }

        // A smoke run checks that the benchmark works, at a scale where the targets say nothing.
        return report.Options.Smoke ? [.. targets.Select(t => t with { Met = null })] : targets;
    }

    public static PhaseResult? Find(BenchReport report, string storage, string name) =>
        report.Phases.FirstOrDefault(p => p.Storage == storage && p.Name == name);

    /// <summary>Every reading the broker took was accepted: none dropped, rejected or given up on.</summary>
    public static bool Complete(PhaseResult phase) =>
        phase.Accepted == phase.Published - phase.PublishFailed && phase.Dropped == 0 && phase.Rejected == 0 && phase.Failed == 0;

    private static string Lost(PhaseResult phase) =>
        Complete(phase) ? "every reading accepted" : $"{N(phase.Dropped)} dropped, {N(phase.Rejected)} rejected, {N(phase.Failed)} failed, {N(phase.PublishFailed)} not taken by the broker";

    public static string N(double? value) => value is null ? "–" : value.Value.ToString(Math.Abs(value.Value) >= 100 ? "#,0" : "0.#", CultureInfo.InvariantCulture);

    public static string Mib(long bytes) => (bytes / 1048576.0).ToString("#,0", CultureInfo.InvariantCulture) + " MiB";
}
