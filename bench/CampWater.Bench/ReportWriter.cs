using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using static CampWater.Bench.Targets;

namespace CampWater.Bench;

/// <summary>Writes a run as <c>{timestamp}.json</c> and <c>{timestamp}.md</c>, and the Markdown again as <c>latest.md</c>.</summary>
public static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<(string Json, string Markdown)> WriteAsync(BenchReport report, string folder)
    {
        Directory.CreateDirectory(folder);
        var stamp = report.StartedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var json = Path.Combine(folder, stamp + ".json");
        var markdown = Path.Combine(folder, stamp + ".md");
        await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, Json));
        var text = Markdown(report, stamp);
        await File.WriteAllTextAsync(markdown, text);
        await File.WriteAllTextAsync(Path.Combine(folder, "latest.md"), text);
        return (json, markdown);
    }

    public static string Markdown(BenchReport report, string stamp)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# CampWater load benchmark, {report.StartedAt:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {report.Machine}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Load average at start / end: {report.LoadAverageAtStart} / {report.LoadAverageAtEnd}; run took {N(report.Minutes)} min; commit {report.Commit}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- mosquitto, silo (a separate process, Production environment, Release build) and the generator share the machine; mosquitto max_inflight_messages {report.Options.BrokerInflight}, deep queue; QoS {report.Options.Qos}, {report.Options.Connections} publishing connections, native payloads.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Data: [{stamp}.json]({stamp}.json)");
        md.AppendLine();
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var target in report.Targets)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {target.Target} | {target.Measured} | {(target.Met is null ? "" : target.Met.Value ? "yes" : "**no**")} |");
        }

        md.AppendLine();
        md.AppendLine("## Phases");
        md.AppendLine();
        md.AppendLine("| storage | phase | tanks | offered/s | published | accepted | sustained/s | drain s | p50 ms | p99 ms | p99.9 ms | silo CPU % | silo CPU µs/reading | broker CPU % | generator CPU % | silo RSS max | GC pause ms | alloc B/reading | gen0/1/2 | dropped | rejected | failed | dup/late |");
        md.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |");
        foreach (var p in report.Phases)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Storage} | {p.Name} | {N(p.Tanks)} | {(p.TargetRate > 0 ? N(p.TargetRate) : "max")} ({N(p.PublishRate)}) | {N(p.Published)} | {N(p.Accepted)} | {N(p.SustainedRate)} | {N(p.DrainSeconds)} | {N(p.P50Ms)} | {N(p.P99Ms)} | {N(p.P999Ms)} | {N(p.SiloCpuPct)} | {N(p.SiloCpuMicrosPerReading)} | {N(p.BrokerCpuPct)} | {N(p.GeneratorCpuPct)} | {Mib(p.SiloRssMaxBytes)} | {N(p.GcPauseMs)} | {N(p.AllocatedBytesPerReading)} | {p.Gen0}/{p.Gen1}/{p.Gen2} | {N(p.Dropped)} | {N(p.Rejected)} | {N(p.Failed)} | {p.Duplicates}/{p.Late} |");
        }

        if (report.Phases.FirstOrDefault(p => p.Live is not null) is { Live: { } live } livePhase)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Live hub ({livePhase.Storage}, {N(livePhase.PublishRate)}/s): {N(live.Messages)} `tankUpdated` for {N(live.WatchedTanks)} watched tanks; publish→hub client p50 {N(live.P50Ms)} ms, p99 {N(live.P99Ms)} ms, p99.9 {N(live.P999Ms)} ms, max {N(live.MaxMs)} ms.");
        }

        if (report.Relay is { } relay)
        {
            md.AppendLine();
            md.AppendLine(RelayLine("mosquitto alone", "relayed to `mosquitto_sub`", relay));
        }

        if (report.RelayMqttNet is { } mqttNet)
        {
            md.AppendLine();
            md.AppendLine(RelayLine(
                "mosquitto alone to an MQTTnet client (the client CampWater's ingestion uses, acknowledging each QoS 1 message)", "relayed", mqttNet));
        }

        if (report.BigFleet is { } big)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Memory test: {N(big.Tanks)} tanks in {N(big.Camps)} camps, registry applied in {N(big.StartSeconds)} s, RSS {Mib(big.RssBeforeReadingsBytes)} before readings, {Mib(big.RssAfterBytes)} after {N(big.Accepted)} readings, peak {Mib(big.PeakRssBytes)}.");
        }

        md.AppendLine();
        md.AppendLine("## How it is measured");
        md.AppendLine();
        md.AppendLine("- **Sustained rate**: readings accepted by the silo (`campwater_readings_accepted_total`) divided by the time from the first publish until the last reading was accepted. A silo that keeps up drains in well under a second; one that does not shows its real rate.");
        md.AppendLine("- **publish→applied**: the generator stamps each reading's `ts` with the time it publishes it (same machine, same clock, 100 ns precision). The silo's `campwater_reading_age_seconds` histogram observes now − ts once the tank has applied the reading and stored its state (the point at which a QoS 1 reading is acknowledged); buckets 25 % apart, so the quantiles are within about 12 %.");
        md.AppendLine("- **publish→hub**: a SignalR client watches whole camps and times each `tankUpdated` from its `lastReadingAt` (the publish time of the reading it shows) to its arrival. The hub coalesces to one update per tank per second by contract; at these rates each watched tank reads less often than that.");
        md.AppendLine("- **CPU** is /proc utime+stime over the phase (publishing and draining) as % of one core (the machine has 2); **RSS** is /proc VmRSS sampled every second and VmHWM; **GC pause** and **allocation** are the silo's `dotnet_gc_pause_seconds_total` and `dotnet_gc_allocated_bytes_total`.");
        md.AppendLine("- **Dropped** = taken by the broker but never received by the silo; **failed** = received but not handed to the tank after retries (left unacknowledged for redelivery).");
        return md.ToString();
    }

    private static string RelayLine(string what, string how, RelayResult relay) => string.Create(CultureInfo.InvariantCulture,
        $"{what}: {N(relay.Relayed)} of {N(relay.Published)} {how} at {N(relay.RelayRate)}/s (published at {N(relay.PublishRate)}/s); broker CPU {N(relay.BrokerCpuPct)} %, generator and subscriber {N(relay.GeneratorAndSubscriberCpuPct)} %.");
}
