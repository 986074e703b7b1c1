using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampWater.Grains;
using CampWater.Status;
using CampWater.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CampWater.EndToEnd;

/// <summary>
/// The foundation end to end: readings published with a real MQTT client reach the tanks, and what they
/// did shows through the HTTP API, <c>/metrics</c> and the live hub.
/// </summary>
public abstract class IngestionEndToEndTests(HostFixture host)
{
    private static readonly TimeZoneInfo Damascus = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");
    private const double MountMm = 3300;
    private const double FullMm = 3000;
    private const double LitresPerMm = Math.PI * 1000 * 1000 / 1_000_000; // π r² with r = 1 m: 3.14159 L per mm

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Topic(string tank) =>
        $"campwater/{(tank == "day" ? TestRegistry.DayCampId : HostFixture.CampId)}/tanks/{tank}/level";

    private static string Distance(DateTimeOffset ts, double depthMm) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","distanceMm":{{MountMm - depthMm:0.#}}}""");

    /// <summary>Camp-local midnight that began yesterday, as an instant.</summary>
    private static (DateOnly Date, DateTimeOffset Start) Yesterday()
    {
        var localNow = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Damascus);
        var date = DateOnly.FromDateTime(localNow.DateTime).AddDays(-1);
        var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Damascus.GetUtcOffset(date.ToDateTime(TimeOnly.MinValue)));
        return (date, start);
    }

    private async Task<TankStatus> TankAsync(string tank) =>
        await host.GetAsync<TankStatus>($"/api/camps/{(tank == "day" ? TestRegistry.DayCampId : HostFixture.CampId)}/tanks/{tank}");

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private async Task<TankStatus> WaitForReadingAsync(string tank, DateTimeOffset ts) =>
        await Eventually.ValueAsync(() => TankAsync(tank), s => s.LastReadingAt == ts, TimeSpan.FromSeconds(15), $"tank {tank} to apply the reading of {ts:O}");

    [Fact]
    public async Task A_day_of_one_minute_readings_from_90_to_30_percent_in_a_2000_by_3000_mm_cylinder_draws_5655_litres()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var (date, start) = Yesterday();
        const int minutes = 24 * 60 - 1;
        var last = start;
        for (var i = 0; i <= minutes; i++)
        {
            // 90 % (2,700 mm) down to 30 % (900 mm) evenly over the day, with ±3 mm of sensor noise.
            var depth = 2700 - (1800.0 * i / minutes) + (i % 3 - 1) * 3;
            last = start.AddMinutes(i);
            await sensor.PublishStringAsync(Topic("day"), Distance(last, depth), cancellationToken: Ct);
        }

        await WaitForReadingAsync("day", last);
        var day = Assert.Single(await host.GetAsync<DailyCoverage[]>($"/api/camps/{TestRegistry.DayCampId}/coverage?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}"));

        const double expected = 1800 * LitresPerMm; // 60 % of 9,424.78 L = 5,654.9 L
        Assert.InRange(day.DrawnL, expected * 0.99, expected * 1.01);
        Assert.Equal(0, day.DeliveredL, 1);
        Assert.InRange(day.Completeness, 0.998, 1.0); // 1,439 one-minute gaps of a 1,440-minute day
        Assert.Equal(day.DrawnL / 1000, day.Lpd!.Value, 2);
    }

    [Fact]
    public async Task Malformed_payloads_of_every_kind_are_counted_by_reason_while_the_valid_readings_between_them_are_applied()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var now = TruncateToSeconds(DateTimeOffset.UtcNow);
        var bad = new (string Reason, string Topic, string Payload)[]
        {
            ("malformed-json", Topic("faults"), "{\"distanceMm\": 12"),
            ("unknown-tank", $"campwater/{HostFixture.CampId}/tanks/no-such-tank/level", Distance(now, 1000)),
            ("unknown-tank", "campwater/no-such-camp/tanks/faults/level", Distance(now, 1000)),
            ("no-measurement", Topic("faults"), "{\"batteryPct\": 80}"),
            ("several-measurements", Topic("faults"), "{\"distanceMm\": 1200, \"levelMm\": 2100}"),
            ("not-finite", Topic("faults"), "{\"distanceMm\": NaN}"),
            ("not-finite", Topic("faults"), "{\"levelMm\": 1e400}"),
            ("wrong-type", Topic("faults"), "{\"distanceMm\": \"far\"}"),
            ("oversize", Topic("faults"), "{\"distanceMm\": 1200, \"pad\": \"" + new string('x', 4100) + "\"}"),
            ("future-timestamp", Topic("faults"), $$"""{"ts":"{{now.AddMinutes(10).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","distanceMm":1200}"""),
        };
        var before = await host.RejectionCountsAsync(bad.Select(b => b.Reason).Distinct());

        var ts = now.AddMinutes(-30);
        for (var i = 0; i < bad.Length; i++)
        {
            await sensor.PublishStringAsync(Topic("faults"), Distance(ts.AddMinutes(i), 1000 + i * 100), cancellationToken: Ct);
            await sensor.PublishStringAsync(bad[i].Topic, bad[i].Payload, cancellationToken: Ct);
        }

        var lastValid = ts.AddMinutes(bad.Length);
        await sensor.PublishStringAsync(Topic("faults"), Distance(lastValid, 2500), cancellationToken: Ct);

        var status = await WaitForReadingAsync("faults", lastValid);
        Assert.Equal(2500, status.LevelMm!.Value, 0);
        await host.RejectionsCountedAsync(before, bad.CountBy(b => b.Reason), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_duplicate_reading_leaves_the_level_at_1500_mm_and_the_camp_ledger_unchanged_after_the_new_level_is_read_twice()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var (date, start) = Yesterday();
        var t0 = start.AddHours(10);
        var t1 = t0.AddMinutes(10);
        var coverage = $"/api/camps/{HostFixture.CampId}/coverage?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}";
        var duplicatesBefore = await host.MetricAsync("campwater_readings_total{outcome=\"duplicate\"}");
        await sensor.PublishStringAsync(Topic("dup"), Distance(t0, 2000), cancellationToken: Ct);
        await sensor.PublishStringAsync(Topic("dup"), Distance(t1, 1500), cancellationToken: Ct); // 500 mm = 1,570.8 L
        await sensor.PublishStringAsync(Topic("dup"), Distance(t1.AddMinutes(1), 1500), cancellationToken: Ct); // confirms the jump
        await WaitForReadingAsync("dup", t1.AddMinutes(1));
        var before = Assert.Single(await host.GetAsync<DailyCoverage[]>(coverage));
        Assert.True(before.DrawnL >= 500 * LitresPerMm - 0.1, $"drawn {before.DrawnL} L includes the tank's 1,570.8 L");

        await sensor.PublishStringAsync(Topic("dup"), Distance(t1, 1000), cancellationToken: Ct); // same ts, other level
        await Eventually.HoldsAsync(
            async () => await host.MetricAsync("campwater_readings_total{outcome=\"duplicate\"}") == duplicatesBefore + 1,
            TimeSpan.FromSeconds(5), "the duplicate to be counted");

        var after = Assert.Single(await host.GetAsync<DailyCoverage[]>(coverage));
        Assert.Equal(before.DrawnL, after.DrawnL);
        Assert.Equal(before.DeliveredL, after.DeliveredL);
        Assert.Equal(1500, (await TankAsync("dup")).LevelMm!.Value, 0);
    }

    [Fact]
    public async Task A_reading_reaches_a_signalr_client_watching_the_camp_as_tankUpdated()
    {
        var received = new TaskCompletionSource<TankStatus>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(host.BaseUrl + "/hubs/live")
            .AddJsonProtocol(o => o.PayloadSerializerOptions = host.Json)
            .Build();
        hub.On<TankStatus>("tankUpdated", s =>
        {
            if (s.TankId == "live" && s.LevelMm is > 1799 and < 1801)
            {
                received.TrySetResult(s);
            }
        });
        await hub.StartAsync(Ct);
        await hub.InvokeAsync("Watch", HostFixture.CampId, Ct);

        await using var sensor = await host.ConnectSensorAsync();
        await sensor.PublishStringAsync(Topic("live"), Distance(DateTimeOffset.UtcNow.AddSeconds(-1), 1800), cancellationToken: Ct);

        var status = await received.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(HostFixture.CampId, status.CampId);
        Assert.Equal(1800 * LitresPerMm, status.VolumeL!.Value, 0);
        Assert.Equal(60, status.LevelPct!.Value, 2);
    }

    [Fact]
    public async Task A_reading_shows_in_the_tank_api_within_one_second_of_publishing()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var ts = DateTimeOffset.UtcNow.AddSeconds(-1);
        var ts0 = new DateTimeOffset(ts.Year, ts.Month, ts.Day, ts.Hour, ts.Minute, ts.Second, TimeSpan.Zero);
        var published = DateTime.UtcNow;
        await sensor.PublishStringAsync(Topic("latency"), Distance(ts0, 2100), cancellationToken: Ct);
        await Eventually.ValueAsync(() => TankAsync("latency"), s => s.LastReadingAt == ts0, TimeSpan.FromSeconds(1), "the reading within 1 s");
        Assert.True(DateTime.UtcNow - published < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_tank_deactivated_after_a_reading_comes_back_with_that_reading_from_the_hosts_storage()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var ts = TruncateToSeconds(DateTimeOffset.UtcNow.AddSeconds(-5));
        await sensor.PublishStringAsync(Topic("stored"), Distance(ts, 1800), cancellationToken: Ct);
        var before = await WaitForReadingAsync("stored", ts);

        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var tank = grains.GetGrain<ITankGrain>(TankKey.Of(HostFixture.CampId, "stored"));
        var management = grains.GetGrain<IManagementGrain>(0);
        await management.DeactivateGrain(tank.GetGrainId(), Ct);
        var id = tank.GetGrainId();
        await Eventually.HoldsAsync(async () => !(await management.GetActiveGrains(id.Type)).Contains(id), TimeSpan.FromSeconds(15), "the tank to be deactivated");

        var after = await TankAsync("stored");
        Assert.Equal(ts, after.LastReadingAt);
        Assert.Equal(before.LevelMm, after.LevelMm);
        Assert.Equal(before.VolumeL, after.VolumeL);
        Assert.Equal(1800, after.LevelMm!.Value, 1);
    }

    [Fact]
    public async Task Putting_a_tank_with_a_negative_diameter_answers_400_naming_diameterMm()
    {
        using var body = new StringContent("""
            { "name": "Bad", "shape": "vertical-cylinder", "diameterMm": -5, "heightMm": 3000,
              "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 } }
            """, Encoding.UTF8, "application/json");
        var response = await host.Http.PutAsync($"/api/camps/{HostFixture.CampId}/tanks/api", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("diameterMm", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Single());
    }

    [Fact]
    public async Task Putting_a_tank_whose_sensor_sees_only_90_6_percent_of_it_with_overflow_at_98_percent_answers_400_naming_thresholds_overflowPct()
    {
        // Mounted at the brim with a 280 mm blind zone: it sees up to 2720 of 3000 mm.
        using var body = new StringContent("""
            { "name": "Blind at the top", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
              "sensor": { "mountHeightMm": 3000, "blindZoneMm": 280 } }
            """, Encoding.UTF8, "application/json");
        var response = await host.Http.PutAsync($"/api/camps/{HostFixture.CampId}/tanks/api", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var field = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("thresholds.overflowPct", field.Name);
        Assert.StartsWith("98 % is above what the sensor can see", field.Value[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_false_echo_of_800_mm_between_readings_of_2500_mm_is_counted_wild_books_nothing_and_shows_in_the_levels_as_wild()
    {
        var camp = "e2e-echo-" + Guid.NewGuid().ToString("N")[..6];
        using var put = new StringContent($$"""
            { "id": "{{camp}}", "name": "Echo", "timeZone": "Asia/Damascus", "population": 100,
              "tanks": [{ "id": "t1", "name": "Echo tank", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
                          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 } }] }
            """, Encoding.UTF8, "application/json");
        (await host.Http.PutAsync($"/api/camps/{camp}", put, Ct)).EnsureSuccessStatusCode();
        var wildBefore = await host.MetricAsync("campwater_readings_total{outcome=\"wild\"}");
        await using var sensor = await host.ConnectSensorAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-3);
        foreach (var (minute, depth) in new[] { (0, 2500.0), (1, 800.0), (2, 2500.0) })
        {
            await sensor.PublishStringAsync($"campwater/{camp}/tanks/t1/level", Distance(t0.AddMinutes(minute), depth), cancellationToken: Ct);
        }

        await Eventually.HoldsAsync(
            async () => await host.MetricAsync("campwater_readings_total{outcome=\"wild\"}") == wildBefore + 1,
            TimeSpan.FromSeconds(10), "the false echo to be counted wild");
        var status = await host.GetAsync<TankStatus>($"/api/camps/{camp}/tanks/t1");
        Assert.Equal((0, 0), (status.Today.DrawnL, status.Today.DeliveredL));
        var levels = await host.GetJsonAsync($"/api/camps/{camp}/tanks/t1/levels?from={Uri.EscapeDataString(t0.AddMinutes(-1).ToString("O"))}");
        var echo = levels.EnumerateArray().Single(p => p.GetProperty("levelMm").GetDouble() == 800);
        Assert.True(echo.GetProperty("wild").GetBoolean());
        Assert.Equal(2500, echo.GetProperty("estimateMm").GetDouble());
        Assert.Empty(await host.GetAsync<CampWater.Alerts.Alert[]>($"/api/alerts?campId={camp}&state=all"));
    }

    [Fact]
    public async Task An_unknown_camp_answers_404_as_a_problem()
    {
        var response = await host.Http.GetAsync("/api/camps/no-such-camp", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Putting_a_tank_changes_its_thresholds_and_keeps_its_level()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var ts = DateTimeOffset.UtcNow.AddMinutes(-2);
        var ts0 = new DateTimeOffset(ts.Year, ts.Month, ts.Day, ts.Hour, ts.Minute, ts.Second, TimeSpan.Zero);
        await sensor.PublishStringAsync(Topic("api"), Distance(ts0, 600), cancellationToken: Ct); // 20 %
        await WaitForReadingAsync("api", ts0);
        Assert.Equal(TankState.Low, (await TankAsync("api")).State);

        using var body = new StringContent("""
            { "name": "Tank api", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
              "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 },
              "thresholds": { "lowPct": 15, "criticalPct": 5 } }
            """, Encoding.UTF8, "application/json");
        var response = await host.Http.PutAsync($"/api/camps/{HostFixture.CampId}/tanks/api", body, Ct);
        response.EnsureSuccessStatusCode();
        var status = await response.Content.ReadFromJsonAsync<TankStatus>(host.Json, Ct);

        Assert.Equal(TankState.Ok, status!.State);
        Assert.Equal(600, status.LevelMm!.Value, 0);
        var config = await host.GetJsonAsync($"/api/camps/{HostFixture.CampId}/tanks/api/config");
        Assert.Equal(15, config.GetProperty("thresholds").GetProperty("lowPct").GetDouble());
    }
}

[Collection("host")]
public sealed class MosquittoIngestionTests(MosquittoHostFixture host) : IngestionEndToEndTests(host), IClassFixture<MosquittoHostFixture>;

[Collection("host")]
public sealed class EmbeddedBrokerIngestionTests(EmbeddedBrokerHostFixture host) : IngestionEndToEndTests(host), IClassFixture<EmbeddedBrokerHostFixture>;
