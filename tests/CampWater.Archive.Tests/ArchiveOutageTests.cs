using System.Collections.Concurrent;
using System.Diagnostics;
using CampWater.Status;

namespace CampWater.ArchiveTests;

/// <summary>
/// The archive server goes away for a minute while two tanks read ten times a second: ingestion goes on
/// as before, the points wait (in memory, then in spill files) and every reading arrives once the server
/// is back.
/// </summary>
public sealed class ArchiveOutageTests(OutageArchiveFixture host) : IClassFixture<OutageArchiveFixture>
{
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan After = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_reading_arrives_after_the_archive_server_is_down_for_60_seconds_and_ingestion_never_pauses()
    {
        const string camp = ArchiveRegistry.SteadyCamp;
        var output = TestContext.Current.TestOutputHelper;
        var sent = ArchiveRegistry.SteadyTanks.ToDictionary(t => t, _ => new ConcurrentQueue<long>());
        var written0 = await host.MetricAsync("campwater_archive_points_written_total");
        var failures0 = await host.MetricAsync("campwater_archive_write_failures_total");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var clock = Stopwatch.StartNew();
        var t0 = Readings.ToMilliseconds(DateTimeOffset.UtcNow);

        // Steady sensors: a reading every 100 ms per tank, stamped with the time it is sent.
        var sensors = ArchiveRegistry.SteadyTanks.Select(async tank =>
        {
            await using var sensor = await host.ConnectSensorAsync();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var due = Interval * i;
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, CancellationToken.None);
                }

                var ts = t0 + due;
                await sensor.PublishStringAsync(Readings.Topic(camp, tank), Readings.Level(ts, 1500 + (i % 7), batteryPct: 80), cancellationToken: Ct);
                sent[tank].Enqueue(ts.ToUnixTimeMilliseconds());
            }
        }).ToList();

        // How far behind the wall clock the tank's newest applied reading is, four times a second.
        var lags = new ConcurrentQueue<(TimeSpan At, TimeSpan Lag)>();
        var depths = new ConcurrentQueue<(TimeSpan At, double Depth, double Spilled)>();
        var probe = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var status = await host.GetAsync<TankStatus>($"/api/camps/{camp}/tanks/s1");
                if (status.LastReadingAt is { } last)
                {
                    lags.Enqueue((clock.Elapsed, DateTimeOffset.UtcNow - last));
                }

                depths.Enqueue((clock.Elapsed, await host.MetricAsync("campwater_archive_queue_depth"), await host.MetricAsync("campwater_archive_spilled_points")));
                await Task.Delay(250, CancellationToken.None);
            }
        }, CancellationToken.None);

        await Task.Delay(Before, Ct);
        var outageStart = clock.Elapsed;
        await host.Archive.StopAsync(Ct);
        await Task.Delay(Outage, Ct);
        await host.Archive.StartAgainAsync(Ct);
        var outageEnd = clock.Elapsed;
        await Task.Delay(After, Ct);
        await stop.CancelAsync();
        await Task.WhenAll(sensors);
        await probe;
        var total = sent.Values.Sum(q => q.Count);

        var caughtUp = await Eventually.ValueAsync(
            () => host.MetricAsync("campwater_archive_points_written_total"), n => n - written0 >= total, TimeSpan.FromSeconds(60), $"{total} points written");
        await Eventually.ValueAsync(() => host.MetricAsync("campwater_archive_queue_depth"), n => n == 0, TimeSpan.FromSeconds(30), "an empty archive queue");

        // Every reading once, at its own time.
        foreach (var tank in ArchiveRegistry.SteadyTanks)
        {
            var exported = await Eventually.ValueAsync(
                () => host.Archive.ExportSeriesAsync($"{{__name__=\"tank_level_levelMm\",camp=\"{camp}\",tank=\"{tank}\"}}", Ct),
                s => s.Sum(x => x.Timestamps.Count) >= sent[tank].Count, TimeSpan.FromSeconds(30), $"{sent[tank].Count} readings of {tank} in the archive");
            Assert.Equal(sent[tank].Order(), Assert.Single(exported).Timestamps.Order());
        }

        Assert.Equal(0, await host.MetricAsync("campwater_archive_points_dropped_total{reason=\"buffer-full\"}"));
        var failures = await host.MetricAsync("campwater_archive_write_failures_total") - failures0;
        Assert.True(failures > 0, "writes failed while the server was down");

        // The archive really held the outage: points piled up, beyond memory into spill files.
        var during = depths.Where(d => d.At > outageStart && d.At < outageEnd).ToList();
        var peak = during.Max(d => d.Depth);
        var spilled = during.Max(d => d.Spilled);
        Assert.True(peak >= 0.8 * Outage / Interval * ArchiveRegistry.SteadyTanks.Length, $"the queue held the outage's readings (peak {peak})");
        Assert.True(spilled > 0, "points went to the spill folder once memory was half full");

        // Ingestion never paused: the newest applied reading was never more than 3 s old, outage or not.
        var lagBefore = lags.Where(l => l.At < outageStart).Select(l => l.Lag.TotalMilliseconds).Order().ToList();
        var lagDuring = lags.Where(l => l.At > outageStart && l.At < outageEnd).Select(l => l.Lag.TotalMilliseconds).Order().ToList();
        Assert.True(lagDuring.Count > 100, $"the probe saw the outage ({lagDuring.Count} samples)");
        Assert.True(lagDuring[^1] < 3000, $"the newest applied reading was at most {lagDuring[^1]:0} ms old during the outage");

        output?.WriteLine($"{total} readings sent at {2 / Interval.TotalSeconds:0}/s over {(outageEnd + After).TotalSeconds:0} s; " +
                          $"outage {Outage.TotalSeconds:0} s: {failures} failed writes, peak queue {peak} points, {spilled} in spill files at most.");
        output?.WriteLine($"apply lag of the newest reading (ms): before p50 {P(lagBefore, 0.5):0} p99 {P(lagBefore, 0.99):0} max {lagBefore[^1]:0}; " +
                          $"during p50 {P(lagDuring, 0.5):0} p99 {P(lagDuring, 0.99):0} max {lagDuring[^1]:0}.");
        var recovered = depths.FirstOrDefault(d => d.At > outageEnd && d.Depth < 50).At;
        output?.WriteLine($"backlog of {peak} points written within {(recovered - outageEnd).TotalSeconds:0.0} s of the server's return; {caughtUp - written0} points written in the test.");
    }

    private static double P(List<double> sorted, double q) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, q * sorted.Count)];
}
