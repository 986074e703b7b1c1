using System.Diagnostics;
using System.Text;
using CampWater.Alerts;
using CampWater.Status;
using CampWater.Testing;

namespace CampWater.ArchiveTests;

/// <summary>
/// Readings, alerts and coverage reach the archive server: the host runs in process, readings come
/// through a real mosquitto, and a real VictoriaMetrics takes InfluxDB.Client's <c>/api/v2/write</c>
/// (it names series <c>{measurement}_{field}</c> and keeps tags as labels).
/// </summary>
public sealed class ArchiveEndToEndTests(BulkArchiveFixture host) : IClassFixture<BulkArchiveFixture>
{
    private const int PerTank = 1000;
    private static readonly TimeZoneInfo Damascus = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static double LevelOf(int i) => 1500 + (i % 7);

    [Fact]
    public async Task Ten_thousand_readings_over_mqtt_arrive_in_the_archive_each_once_with_their_tags_fields_and_timestamps()
    {
        var camp = ArchiveRegistry.BulkCamp;
        var t0 = Readings.ToMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-20));
        DateTimeOffset Ts(int tank, int i) => t0.AddSeconds(i).AddMilliseconds(tank);
        var written0 = await host.MetricAsync("campwater_archive_points_written_total");
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(ArchiveRegistry.BulkTanks.Select(async (tank, t) =>
        {
            await using var sensor = await host.ConnectSensorAsync();
            for (var i = 0; i < PerTank; i++)
            {
                var payload = Readings.Level(Ts(t, i), LevelOf(i), batteryPct: 50 + (i % 50), batteryV: i % 2 == 0 ? 3.3 : null, rssi: -80 - (i % 20), snr: 7.25);
                await sensor.PublishStringAsync(Readings.Topic(camp, tank), payload, cancellationToken: Ct);
            }
        }));
        var published = clock.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"published in {published.TotalSeconds:0.0} s");

        try
        {
            await Eventually.ValueAsync(
                () => host.MetricAsync("campwater_readings_accepted_total"), n => n >= 10_000, TimeSpan.FromSeconds(120), "10,000 readings accepted");
        }
        finally
        {
            TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', (await host.Http.GetStringAsync("/metrics", Ct)).Split('\n').Where(l => l.StartsWith("campwater_", StringComparison.Ordinal))));
        }

        await Eventually.ValueAsync(
            () => host.MetricAsync("campwater_archive_points_written_total"), n => n - written0 >= 10_000, TimeSpan.FromSeconds(60), "10,000 points written");
        var archived = clock.Elapsed;
        await Eventually.ValueAsync(() => host.MetricAsync("campwater_archive_queue_depth"), n => n == 0, TimeSpan.FromSeconds(30), "an empty archive queue");

        var levels = await host.Archive.SeriesAsync($"{{__name__=\"tank_level_levelMm\",camp=\"{camp}\"}}", 10_000, Ct);
        Assert.Equal(ArchiveRegistry.BulkTanks.Order(), levels.Select(s => s.Label("tank")!).Order());
        Assert.Equal(10_000, levels.Sum(s => s.Timestamps.Count));
        foreach (var series in levels)
        {
            var t = Array.IndexOf(ArchiveRegistry.BulkTanks, series.Label("tank"));
            Assert.Equal(["__name__", "camp", "tank"], series.Metric.Keys.Where(k => k != "db").Order());
            // Each reading exactly once, at its own timestamp.
            Assert.Equal(Enumerable.Range(0, PerTank).Select(i => Ts(t, i).ToUnixTimeMilliseconds()), series.Timestamps.Order());
            foreach (var (at, value) in series.Points)
            {
                Assert.Equal(LevelOf(Index(t0, t, at)), value, 6);
            }
        }

        await AssertFieldAsync("volumeL", i => LevelOf(i) * ArchiveRegistry.LitresPerMm, 1e-3);
        await AssertFieldAsync("levelPct", i => LevelOf(i) / ArchiveRegistry.FullMm * 100, 1e-6);
        await AssertFieldAsync("batteryPct", i => 50 + (i % 50), 1e-9);
        await AssertFieldAsync("rssi", i => -80 - (i % 20), 1e-9);
        await AssertFieldAsync("snr", _ => 7.25, 1e-9);
        var batteryV = await host.Archive.SeriesAsync($"{{__name__=\"tank_level_batteryV\",camp=\"{camp}\"}}", 10 * PerTank / 2, Ct);
        Assert.Equal(10 * PerTank / 2, batteryV.Sum(s => s.Timestamps.Count)); // only the readings that carried it

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"10,000 readings published in {published.TotalSeconds:0.0} s; all archived {archived.TotalSeconds:0.0} s after the first was sent " +
            $"({10_000 / archived.TotalSeconds:0} readings/s end to end).");

        async Task AssertFieldAsync(string field, Func<int, double> expected, double tolerance)
        {
            var all = await host.Archive.SeriesAsync($"{{__name__=\"tank_level_{field}\",camp=\"{camp}\"}}", 10_000, Ct);
            Assert.Equal(10_000, all.Sum(s => s.Timestamps.Count));
            foreach (var series in all)
            {
                var t = Array.IndexOf(ArchiveRegistry.BulkTanks, series.Label("tank"));
                Assert.True(t >= 0, $"unexpected tank label {series.Label("tank")}");
                Assert.Equal(PerTank, series.Timestamps.Distinct().Count());
                foreach (var (at, value) in series.Points)
                {
                    Assert.InRange(value, expected(Index(t0, t, at)) - tolerance, expected(Index(t0, t, at)) + tolerance);
                }
            }
        }
    }

    [Fact]
    public async Task A_draw_down_to_8_percent_read_twice_archives_its_low_level_alert_changes_and_the_days_coverage()
    {
        const string camp = ArchiveRegistry.AlertCamp;
        await using var sensor = await host.ConnectSensorAsync();
        var t0 = Readings.ToMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-13));
        // 60 % down to 8 % over eleven minutes: a warning below 25 %, the same alert critical below 10 %. The last
        // step is a sudden jump, which counts once the next reading confirms it: 8 % is read twice.
        double[] pcts = [60, 55, 50, 45, 40, 35, 30, 26, 24, 20, 15, 8, 8];
        for (var i = 0; i < pcts.Length; i++)
        {
            await sensor.PublishStringAsync(Readings.Topic(camp, "low"), Readings.Pct(t0.AddMinutes(i), pcts[i]), cancellationToken: Ct);
        }

        var lowLevel = await Eventually.ValueAsync(
            async () => (await host.GetAsync<Alert[]>($"/api/alerts?campId={camp}")).FirstOrDefault(a => a.Kind == AlertKind.LowLevel),
            a => a is { Severity: AlertSeverity.Critical }, TimeSpan.FromSeconds(20), "a critical low-level alert");
        using (var ack = await host.Http.PostAsync($"/api/alerts/{lowLevel!.Id}/acknowledge", new StringContent("{\"note\":\"on it\"}", Encoding.UTF8, "application/json"), Ct))
        {
            ack.EnsureSuccessStatusCode();
        }

        var acknowledged = await host.GetAsync<Alert>($"/api/alerts/{lowLevel.Id}");
        var alerts = await Eventually.ValueAsync(
            () => host.Archive.ExportSeriesAsync($"{{__name__=\"alert_value\",camp=\"{camp}\",kind=\"low-level\"}}", Ct),
            s => s.Any(x => x.Label("state") == "acknowledged"), TimeSpan.FromSeconds(20), "the acknowledged alert in the archive");

        var warning = Assert.Single(alerts, s => s.Label("severity") == "warning" && s.Label("state") == "active");
        Assert.Equal("low", warning.Label("tank"));
        var raised = Assert.Single(warning.Points);
        Assert.Equal(t0.AddMinutes(8), raised.At); // the reading of 24 %
        Assert.Equal(24, raised.Value, 3);
        var critical = Assert.Single(alerts, s => s.Label("severity") == "critical" && s.Label("state") == "active");
        Assert.Equal(8, Assert.Single(critical.Values), 3);
        var acked = Assert.Single(alerts, s => s.Label("state") == "acknowledged");
        Assert.Equal(acknowledged.AcknowledgedAt!.Value.ToUnixTimeMilliseconds(), Assert.Single(acked.Timestamps));
        await Eventually.ValueAsync(
            () => host.Archive.ExportSeriesAsync($"{{__name__=\"alert_threshold\",camp=\"{camp}\",kind=\"low-level\",state=\"active\"}}", Ct),
            t => t.Any(s => s.Label("severity") == "warning" && s.Values.Contains(25)) && t.Any(s => s.Label("severity") == "critical" && s.Values.Contains(10)),
            TimeSpan.FromSeconds(20), "the thresholds of 25 % (warning) and 10 % (critical)");

        // The day's coverage, as the API states it, arrives at the start of the camp-local day.
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t0, Damascus).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t0.AddMinutes(11), Damascus).DateTime);
        var days = await host.GetAsync<DailyCoverage[]>($"/api/camps/{camp}/coverage?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}");
        Assert.True(days.Sum(d => d.DrawnL) > 1000, "the draw-down drew water");
        foreach (var day in days)
        {
            var start = DayStart(day.Date).ToUnixTimeMilliseconds();
            await Eventually.ValueAsync(
                () => host.Archive.ExportSeriesAsync($"{{__name__=\"camp_coverage_drawnL\",camp=\"{camp}\"}}", Ct),
                s => s.Any(x => x.Points.Any(p => p.At.ToUnixTimeMilliseconds() == start && Math.Abs(p.Value - day.DrawnL) < 0.01)),
                TimeSpan.FromSeconds(20), $"coverage drawnL {day.DrawnL} for {day.Date} in the archive");
            await AssertCoverageAsync("deliveredL", start, day.DeliveredL);
            await AssertCoverageAsync("lpd", start, day.Lpd!.Value);
            await AssertCoverageAsync("targetLpd", start, day.TargetLpd);
            await AssertCoverageAsync("population", start, day.Population);
            await AssertCoverageAsync("completeness", start, day.Completeness);
        }

        async Task AssertCoverageAsync(string field, long at, double expected)
        {
            var series = await Eventually.ValueAsync(
                () => host.Archive.ExportSeriesAsync($"{{__name__=\"camp_coverage_{field}\",camp=\"{camp}\"}}", Ct),
                s => s.Any(x => x.Points.Any(p => p.At.ToUnixTimeMilliseconds() == at && Math.Abs(p.Value - expected) < 1e-6)),
                TimeSpan.FromSeconds(20), $"coverage {field} {expected}");
            Assert.Single(series);
        }
    }

    private static DateTimeOffset DayStart(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Damascus.GetUtcOffset(midnight));
    }

    private static int Index(DateTimeOffset t0, int tank, DateTimeOffset at) =>
        (int)((at - t0.AddMilliseconds(tank)).TotalMilliseconds / 1000);
}
