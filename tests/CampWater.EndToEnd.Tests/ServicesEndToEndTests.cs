using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CampWater.Alerts;
using CampWater.Services;
using CampWater.Status;

namespace CampWater.EndToEnd;

/// <summary>
/// A camp's services end to end through a real mosquitto: quality sensors over MQTT and field tests over HTTP
/// raise and resolve quality alerts, a tap count raises taps-short, and every refused input names its field.
/// </summary>
public sealed class ServicesEndToEndTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private const string Quality = TestRegistry.QualityCampId;
    private const string Taps = TestRegistry.TapsCampId;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Iso(DateTimeOffset ts) => ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private Task<Alert[]> AlertsAsync(string camp, string state = "open") => host.GetAsync<Alert[]>($"/api/alerts?campId={camp}&state={state}");

    [Fact]
    public async Task A_sensor_reading_of_0_1_mg_per_litre_over_mqtt_raises_a_critical_quality_frc_low_that_a_field_test_of_0_6_at_the_same_tank_resolves()
    {
        await using var subscriber = await host.ConnectSensorAsync();
        await subscriber.SubscribeAsync($"campwater/{Quality}/alerts/#", cancellationToken: Ct);
        await using var sensor = await host.ConnectSensorAsync();
        var ts = DateTimeOffset.UtcNow.AddMinutes(-2);

        await sensor.PublishStringAsync($"campwater/{Quality}/tanks/q1/quality", $$"""{"ts":"{{Iso(ts)}}","frcMgL":0.1,"ph":7.3}""", cancellationToken: Ct);

        var onMqtt = await subscriber.WaitForAsync(m => m.PayloadText.Contains("\"quality-frc-low\"", StringComparison.Ordinal), TimeSpan.FromSeconds(10), Ct);
        var raised = onMqtt.Deserialize<Alert>(host.Json)!;
        Assert.Equal((AlertKind.QualityFrcLow, AlertSeverity.Critical, AlertState.Active), (raised.Kind, raised.Severity, raised.State));
        Assert.Equal("q1", raised.TankId);
        Assert.Null(raised.PointId);
        Assert.Equal(0.1, raised.Value);
        Assert.Equal(0.2, raised.Threshold);
        Assert.Equal("Free chlorine 0.1 mg/L is below the minimum of 0.2 mg/L", raised.Message);
        Assert.Contains(await AlertsAsync(Quality), a => a.Id == raised.Id);
        var tank = await host.GetAsync<TankStatus>($"/api/camps/{Quality}/tanks/q1");
        Assert.Equal(1, tank.OpenAlerts);

        var field = await host.Http.PostAsync($"/api/camps/{Quality}/quality", Json("""{ "tankId": "q1", "frcMgL": 0.6, "note": "pool tester at the outlet" }"""), Ct);

        Assert.Equal(HttpStatusCode.Created, field.StatusCode);
        var test = (await field.Content.ReadFromJsonAsync<QualityTest>(host.Json, Ct))!;
        Assert.True(test.Ok);
        Assert.Equal(QualitySource.Field, test.Source);
        Assert.Equal("anonymous", test.By);
        var resolved = await Eventually.ValueAsync(() => host.GetAsync<Alert>($"/api/alerts/{raised.Id}"), a => a.State == AlertState.Resolved, TimeSpan.FromSeconds(10), "the field test to resolve the alert");
        Assert.Equal(AlertBook.SystemActor, resolved.ResolvedBy);

        var listed = await host.GetAsync<QualityTest[]>($"/api/camps/{Quality}/quality");
        var atQ1 = listed.Where(t => t.TankId == "q1").ToArray();
        Assert.Equal([QualitySource.Field, QualitySource.Sensor], atQ1.Take(2).Select(t => t.Source).ToArray());
        var sensorTest = atQ1.First(t => t.Source == QualitySource.Sensor);
        Assert.Equal([AlertKind.QualityFrcLow], sensorTest.Problems.ToArray());
        Assert.False(sensorTest.Ok);
        Assert.Equal("sensor", sensorTest.By);
        Assert.Equal(7.3, sensorTest.Ph);
    }

    [Fact]
    public async Task A_turbidity_of_7_NTU_at_the_hand_pump_raises_a_quality_turbidity_warning_at_the_point()
    {
        await using var sensor = await host.ConnectSensorAsync();

        await sensor.PublishStringAsync($"campwater/{Quality}/points/p2/quality", $$"""{"ts":"{{Iso(DateTimeOffset.UtcNow.AddMinutes(-1))}}","turbidityNtu":7}""", cancellationToken: Ct);

        var open = await Eventually.ValueAsync(() => AlertsAsync(Quality), l => l.Any(a => a.Kind == AlertKind.QualityTurbidity), TimeSpan.FromSeconds(10), "quality-turbidity");
        var alert = open.Single(a => a.Kind == AlertKind.QualityTurbidity);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal("p2", alert.PointId);
        Assert.Null(alert.TankId);
        Assert.Equal(7, alert.Value);
        Assert.Equal(5, alert.Threshold);
    }

    [Fact]
    public async Task A_sensor_reading_sent_twice_is_recorded_once_and_counted_as_a_duplicate()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var ts = DateTimeOffset.UtcNow.AddMinutes(-3);
        var payload = $$"""{"ts":"{{Iso(ts)}}","frcMgL":0.8}""";
        var before = await host.MetricAsync("campwater_quality_readings_total{outcome=\"duplicate\"}");

        await sensor.PublishStringAsync($"campwater/{Quality}/tanks/q2/quality", payload, cancellationToken: Ct);
        await sensor.PublishStringAsync($"campwater/{Quality}/tanks/q2/quality", payload, cancellationToken: Ct);

        await Eventually.HoldsAsync(async () => await host.MetricAsync("campwater_quality_readings_total{outcome=\"duplicate\"}") - before == 1, TimeSpan.FromSeconds(10), "one duplicate");
        var tests = await host.GetAsync<QualityTest[]>($"/api/camps/{Quality}/quality");
        Assert.Single(tests, t => t.TankId == "q2");
    }

    [Fact]
    public async Task Quality_readings_that_cannot_be_used_are_counted_by_reason_and_none_is_recorded()
    {
        var reasons = new[] { "out-of-range", "unknown-point", "unknown-tank", "no-measurement", "malformed-json" };
        var before = await host.RejectionCountsAsync(reasons);
        var testsBefore = (await host.GetAsync<QualityTest[]>($"/api/camps/{Quality}/quality")).Length;
        await using var sensor = await host.ConnectSensorAsync();

        await sensor.PublishStringAsync($"campwater/{Quality}/tanks/q1/quality", """{"frcMgL":12}""", cancellationToken: Ct);
        await sensor.PublishStringAsync($"campwater/{Quality}/points/p9/quality", """{"frcMgL":0.4}""", cancellationToken: Ct);
        await sensor.PublishStringAsync($"campwater/{Quality}/tanks/q9/quality", """{"frcMgL":0.4}""", cancellationToken: Ct);
        await sensor.PublishStringAsync("campwater/no-such-camp/tanks/q1/quality", """{"frcMgL":0.4}""", cancellationToken: Ct);
        await sensor.PublishStringAsync($"campwater/{Quality}/tanks/q1/quality", """{"batteryPct":80}""", cancellationToken: Ct);
        await sensor.PublishStringAsync($"campwater/{Quality}/tanks/q1/quality", """{"frcMgL":""", cancellationToken: Ct);

        await host.RejectionsCountedAsync(before, new Dictionary<string, int>
        {
            ["out-of-range"] = 1, ["unknown-point"] = 1, ["unknown-tank"] = 2, ["no-measurement"] = 1, ["malformed-json"] = 1,
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(testsBefore, (await host.GetAsync<QualityTest[]>($"/api/camps/{Quality}/quality")).Length);
        Assert.True((await host.Http.GetAsync("/health/ready", Ct)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Three_of_6_taps_usable_for_1000_people_raise_taps_short_and_show_333_3_people_per_usable_tap()
    {
        var before = await host.GetAsync<CampSummary>($"/api/camps/{Taps}");
        Assert.Equal((6, 166.7), (before.UsableTaps, before.PeoplePerUsableTap));

        var counted = await host.Http.PostAsync($"/api/camps/{Taps}/points/p1/status", Json("""{ "usableTaps": 3, "note": "two broken, one stolen" }"""), Ct);

        counted.EnsureSuccessStatusCode();
        var point = (await counted.Content.ReadFromJsonAsync<WaterPoint>(host.Json, Ct))!;
        Assert.Equal((3, 6, "anonymous"), (point.UsableTaps, point.Taps, point.StatusBy));
        var alert = (await Eventually.ValueAsync(() => AlertsAsync(Taps), l => l.Any(a => a.Kind == AlertKind.TapsShort), TimeSpan.FromSeconds(10), "taps-short"))
            .Single(a => a.Kind == AlertKind.TapsShort);
        Assert.Equal((AlertSeverity.Warning, 333.3, 250.0), (alert.Severity, alert.Value!.Value, alert.Threshold!.Value));
        Assert.Null(alert.TankId);
        Assert.Null(alert.PointId);
        var summary = await Eventually.ValueAsync(() => host.GetAsync<CampSummary>($"/api/camps/{Taps}"), s => s.UsableTaps == 3, TimeSpan.FromSeconds(10), "the summary's usable taps");
        Assert.Equal(333.3, summary.PeoplePerUsableTap);
        // One warning more than before: the camp's latrines test may have left its latrines-short open.
        Assert.Equal(before.OpenAlerts.Warning + 1, summary.OpenAlerts.Warning);

        (await host.Http.PostAsync($"/api/camps/{Taps}/points/p1/status", Json("""{ "usableTaps": 6 }"""), Ct)).EnsureSuccessStatusCode();

        var repaired = await Eventually.ValueAsync(() => host.GetAsync<Alert>($"/api/alerts/{alert.Id}"), a => a.State == AlertState.Resolved, TimeSpan.FromSeconds(10), "taps-short to resolve");
        Assert.Equal(AlertBook.SystemActor, repaired.ResolvedBy);
        Assert.Equal(166.7, (await host.GetAsync<CampSummary>($"/api/camps/{Taps}")).PeoplePerUsableTap);
    }

    [Fact]
    public async Task Nineteen_usable_latrines_for_1000_people_raise_latrines_short_and_the_counts_are_recorded_with_date_and_name()
    {
        var put = await host.Http.PutAsync($"/api/camps/{Taps}/sanitation", Json("""{ "latrines": 24, "usableLatrines": 19, "showers": 12, "usableShowers": 10 }"""), Ct);

        put.EnsureSuccessStatusCode();
        var sanitation = (await put.Content.ReadFromJsonAsync<Sanitation>(host.Json, Ct))!;
        Assert.Equal((24, 19, 12, 10, "anonymous"), (sanitation.Latrines, sanitation.UsableLatrines, sanitation.Showers, sanitation.UsableShowers, sanitation.By));
        Assert.NotNull(sanitation.Date);
        Assert.Equal(sanitation, await host.GetAsync<Sanitation>($"/api/camps/{Taps}/sanitation"));
        var alert = (await Eventually.ValueAsync(() => AlertsAsync(Taps), l => l.Any(a => a.Kind == AlertKind.LatrinesShort), TimeSpan.FromSeconds(10), "latrines-short"))
            .Single(a => a.Kind == AlertKind.LatrinesShort);
        Assert.Equal(52.6, alert.Value);
        var summary = await host.GetAsync<CampSummary>($"/api/camps/{Taps}");
        Assert.Equal((52.6, 100.0), (summary.PeoplePerUsableLatrine!.Value, summary.PeoplePerUsableShower!.Value));
    }

    [Theory]
    [InlineData("quality", "POST", """{ "tankId": "q1", "frcMgL": 11 }""", "frcMgL")]
    [InlineData("quality", "POST", """{ "tankId": "q1", "turbidityNtu": 4001 }""", "turbidityNtu")]
    [InlineData("quality", "POST", """{ "tankId": "q1", "ph": 15 }""", "ph")]
    [InlineData("quality", "POST", """{ "tankId": "q1", "ecoliCfu": -1 }""", "ecoliCfu")]
    [InlineData("quality", "POST", """{ "tankId": "q1" }""", "frcMgL")]
    [InlineData("quality", "POST", """{ "tankId": "q9", "frcMgL": 0.4 }""", "tankId")]
    [InlineData("quality", "POST", """{ "pointId": "p9", "frcMgL": 0.4 }""", "pointId")]
    [InlineData("quality", "POST", """{ "tankId": "q1", "frcMgL": 0.4, "ts": "2026-11-29T10:00:00" }""", "ts")]
    [InlineData("points/p1/status", "POST", """{ "usableTaps": 9 }""", "usableTaps")]
    [InlineData("sanitation", "PUT", """{ "latrines": 10, "usableLatrines": 11, "showers": 0, "usableShowers": 0 }""", "usableLatrines")]
    [InlineData("points/p3", "PUT", """{ "name": "Tap stand 3", "kind": "tapstand", "taps": 0 }""", "taps")]
    [InlineData("points/p3", "PUT", """{ "name": "Tap stand 3", "kind": "tapstand", "tankId": "q7", "taps": 4 }""", "tankId")]
    public async Task An_invalid_entry_is_refused_with_400_naming_its_field(string path, string method, string body, string field)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/camps/{Quality}/{path}") { Content = Json(body) };

        var response = await host.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_engineer_adds_a_water_point_with_a_location_and_it_is_listed_with_all_its_taps_usable()
    {
        var put = await host.Http.PutAsync($"/api/camps/{Quality}/points/p4",
            Json("""{ "name": "School tap stand", "kind": "tapstand", "tankId": "q2", "taps": 4, "location": { "lat": 36.3205, "lon": 36.6410 } }"""), Ct);

        put.EnsureSuccessStatusCode();
        var points = await host.GetAsync<WaterPoint[]>($"/api/camps/{Quality}/points");
        var p4 = points.Single(p => p.Id == "p4");
        Assert.Equal((4, 4, "q2", 36.3205, 36.6410), (p4.Taps, p4.UsableTaps, p4.TankId, p4.Location!.Lat, p4.Location.Lon));
        Assert.Null(p4.StatusAt);
        Assert.Contains(points, p => p.Id == "p1");
        var config = await host.GetJsonAsync($"/api/camps/{Quality}/config");
        Assert.Contains(config.GetProperty("points").EnumerateArray(), p => p.GetProperty("id").GetString() == "p4");
    }
}
