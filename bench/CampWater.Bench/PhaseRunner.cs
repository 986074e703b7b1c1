using System.Diagnostics;
using CampWater.Load;
using CampWater.Testing;

namespace CampWater.Bench;

/// <summary>Runs the generator against a silo and reads what became of every reading from the silo's metrics and /proc.</summary>
public static class PhaseRunner
{
    private const string AgeHistogram = "campwater_reading_age_seconds";
    private const string IngestHistogram = "campwater_ingest_latency_seconds";
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(20);
    // Long enough for the backlog of a 60 s phase offered above what the silo takes, so it cannot spill into the next
    // phase; a silo that stops making progress is caught by StallLimit instead.
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(10);

    public static async Task<PhaseResult> RunAsync(
        string name, string storage, SiloUnderTest silo, MosquittoServer broker, Fleet fleet, LoadOptions load,
        LiveWatcher? live, int watchedTanks, Action<string> log, CancellationToken cancellationToken)
    {
        log($"{name}: {fleet.Tanks.Count} tanks, {(load.Rate > 0 ? $"{load.Rate:0}/s" : "as fast as possible")} {(load.ReadingsPerTank is { } n ? $"until each tank has {n} reading(s)" : $"for {load.Duration.TotalSeconds:0} s")}, QoS {(int)load.Qos}");
        var m0 = await silo.ScrapeAsync(cancellationToken);
        var s0 = silo.Stats();
        var b0 = ProcStats.Read(broker.ProcessId!.Value);
        var self0 = Process.GetCurrentProcess().TotalProcessorTime;
        live?.Take();
        var wall = Stopwatch.StartNew();

        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var perSecond = new List<double>();
        long rssMax = s0.RssBytes;
        var sampler = Task.Run(async () =>
        {
            var last = m0.Accepted;
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await timer.WaitForNextTickAsync(sampling.Token))
                {
                    var now = await silo.ScrapeAsync(sampling.Token);
                    perSecond.Add(now.Accepted - last);
                    last = now.Accepted;
                    rssMax = Math.Max(rssMax, silo.Stats().RssBytes);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None);

        var published = await LoadGenerator.RunAsync(load with { ClientIdPrefix = "load-" + name }, fleet, cancellationToken);
        await sampling.CancelAsync();
        await sampler;

        // Drain: wait until every reading the broker took has been accepted, rejected or given up on.
        var expected = published.Published - published.PublishFailed();
        var drain = Stopwatch.StartNew();
        var progressAt = Stopwatch.StartNew();
        var m1 = await silo.ScrapeAsync(cancellationToken);
        var handled = Handled(m0, m1);
        while (handled < expected && progressAt.Elapsed < StallLimit && drain.Elapsed < DrainLimit)
        {
            await Task.Delay(50, cancellationToken);
            m1 = await silo.ScrapeAsync(cancellationToken);
            rssMax = Math.Max(rssMax, silo.Stats().RssBytes);
            var now = Handled(m0, m1);
            if (now != handled)
            {
                handled = now;
                progressAt.Restart();
            }
        }

        var drainSeconds = handled >= expected ? drain.Elapsed.TotalSeconds : drain.Elapsed.TotalSeconds - progressAt.Elapsed.TotalSeconds;
        var elapsed = wall.Elapsed.TotalSeconds;
        var s1 = silo.Stats();
        var b1 = ProcStats.Read(broker.ProcessId!.Value);
        var self1 = Process.GetCurrentProcess().TotalProcessorTime;
        var accepted = (long)(m1.Accepted - m0.Accepted);
        var allocated = m1["dotnet_gc_allocated_bytes_total"] - m0["dotnet_gc_allocated_bytes_total"];

        LiveResult? liveResult = null;
        if (live is not null)
        {
            var latencies = live.Take().Order().ToArray();
            liveResult = new LiveResult(
                watchedTanks, latencies.Length, Percentile(latencies, 0.5), Percentile(latencies, 0.99), Percentile(latencies, 0.999),
                latencies.Length == 0 ? null : Math.Round(latencies[^1], 1));
        }

        var result = new PhaseResult
        {
            Name = name,
            Storage = storage,
            Tanks = fleet.Tanks.Count,
            Camps = fleet.CampCount,
            Qos = (int)load.Qos,
            TargetRate = load.Rate,
            PublishSeconds = Math.Round(published.Elapsed.TotalSeconds, 2),
            Published = published.Published,
            PublishFailed = published.Failed,
            PublishRate = Math.Round(published.Rate, 1),
            Accepted = accepted,
            Applied = Delta(m0, m1, "campwater_readings_total{outcome=\"applied\"}"),
            Duplicates = Delta(m0, m1, "campwater_readings_total{outcome=\"duplicate\"}"),
            Late = Delta(m0, m1, "campwater_readings_total{outcome=\"late\"}"),
            SensorFaults = Delta(m0, m1, "campwater_readings_total{outcome=\"sensor-fault\"}"),
            Rejected = (long)(m1.Rejected - m0.Rejected),
            Failed = (long)(m1.Failed - m0.Failed),
            Dropped = Math.Max(0, expected - (long)(m1.Received - m0.Received)),
            DrainSeconds = Math.Round(drainSeconds, 2),
            SustainedRate = Math.Round(accepted / (published.Elapsed.TotalSeconds + drainSeconds), 1),
            AcceptedPerSecond = [.. perSecond],
            P50Ms = Ms(HistogramDelta.Quantile(m0.Buckets(AgeHistogram), m1.Buckets(AgeHistogram), 0.5)),
            P99Ms = Ms(HistogramDelta.Quantile(m0.Buckets(AgeHistogram), m1.Buckets(AgeHistogram), 0.99)),
            P999Ms = Ms(HistogramDelta.Quantile(m0.Buckets(AgeHistogram), m1.Buckets(AgeHistogram), 0.999)),
            IngestP99Ms = Ms(HistogramDelta.Quantile(m0.Buckets(IngestHistogram), m1.Buckets(IngestHistogram), 0.99)),
            SiloCpuPct = Math.Round(100 * (s1.CpuSeconds - s0.CpuSeconds) / elapsed, 1),
            SiloCpuMicrosPerReading = accepted > 0 ? Math.Round(1e6 * (s1.CpuSeconds - s0.CpuSeconds) / accepted, 1) : 0,
            BrokerCpuPct = Math.Round(100 * (b1.CpuSeconds - b0.CpuSeconds) / elapsed, 1),
            GeneratorCpuPct = Math.Round(100 * (self1 - self0).TotalSeconds / elapsed, 1),
            SiloRssMaxBytes = rssMax,
            SiloPeakRssBytes = s1.PeakRssBytes,
            GcPauseMs = Math.Round(1000 * (m1["dotnet_gc_pause_seconds_total"] - m0["dotnet_gc_pause_seconds_total"]), 1),
            AllocatedBytesPerReading = accepted > 0 ? Math.Round(allocated / accepted) : 0,
            Gen0 = Delta(m0, m1, "dotnet_gc_collections_total{generation=\"0\"}"),
            Gen1 = Delta(m0, m1, "dotnet_gc_collections_total{generation=\"1\"}"),
            Gen2 = Delta(m0, m1, "dotnet_gc_collections_total{generation=\"2\"}"),
            Live = liveResult,
        };
        log($"{name}: published {result.Published} at {result.PublishRate}/s, accepted {result.Accepted} (sustained {result.SustainedRate}/s, drain {result.DrainSeconds} s), " +
            $"p50/p99/p99.9 {result.P50Ms}/{result.P99Ms}/{result.P999Ms} ms, silo CPU {result.SiloCpuPct} % ({result.SiloCpuMicrosPerReading} µs/reading), broker {result.BrokerCpuPct} %, generator {result.GeneratorCpuPct} %, " +
            $"{result.AllocatedBytesPerReading} B/reading" + (liveResult is null ? "" : $", hub p50/p99 {liveResult.P50Ms}/{liveResult.P99Ms} ms over {liveResult.Messages}"));
        return result;
    }

    private static long PublishFailed(this LoadResult result) => result.Failed;

    private static long Handled(MetricsScrape from, MetricsScrape to) =>
        (long)((to.Accepted - from.Accepted) + (to.Rejected - from.Rejected) + (to.Failed - from.Failed));

    private static long Delta(MetricsScrape from, MetricsScrape to, string series) => (long)(to[series] - from[series]);

    private static double? Ms(double? seconds) => seconds is null ? null : Math.Round(seconds.Value * 1000, 1);

    private static double? Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 1);
}
