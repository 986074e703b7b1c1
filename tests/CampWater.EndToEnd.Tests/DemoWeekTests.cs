using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CampWater.Alerts;
using CampWater.Silo.Hosting;
using CampWater.Status;
using CampWater.Testing;
using Microsoft.AspNetCore.Builder;

namespace CampWater.EndToEnd;

/// <summary>
/// The demo as a new user starts it: Development, the demo registry, the embedded broker, nothing else. The host
/// replays the last week through MQTT at start, so the first screens have figures: judged days of coverage, a
/// week of levels, alerts. The demo's tank figures are not asserted, only that the week is there.
/// </summary>
[Collection("host")]
public sealed class DemoWeekTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_development_start_opens_on_at_least_5_judged_days_of_coverage_a_7_day_level_history_and_alerts()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var started = Stopwatch.StartNew();
        await using var app = CampWaterHost.Build(
        [
            "--environment", "Development",
            "--Urls", url,
            "--CampWater:Mqtt:Embedded:Port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Mqtt:ClientId", "campwater-demo-" + Guid.NewGuid().ToString("N")[..8],
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await app.StartAsync(Ct);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await Eventually.HoldsAsync(async () => (await http.GetAsync("/health/ready", Ct)).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the host to be ready");
            var ready = started.Elapsed;

            // While the week is replayed, a person opening the dashboard is served.
            var page = Stopwatch.StartNew();
            (await http.GetAsync("/", Ct)).EnsureSuccessStatusCode();
            var camps = await http.GetFromJsonAsync<CampSummary[]>("/api/camps", HostJson, Ct);
            page.Stop();
            Assert.Equal(["atmeh-3", "kutupalong-c12"], camps!.Select(c => c.CampId).Order());

            // The week is there once the level history reaches from seven days ago to the last minutes.
            var levels = await Eventually.ValueAsync(
                async () => (await http.GetFromJsonAsync<LevelPoint[]>(
                    $"/api/camps/atmeh-3/tanks/t4/levels?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-7).ToString("O", CultureInfo.InvariantCulture))}", HostJson, Ct))!,
                points => points.Length > 0 && points[^1].Ts > DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromSeconds(90), "the week replayed up to now");
            var replayed = started.Elapsed;
            var now = DateTimeOffset.UtcNow;
            var coverage = (await http.GetFromJsonAsync<DailyCoverage[]>("/api/camps/atmeh-3/coverage", HostJson, Ct))!;
            var alerts = await Eventually.ValueAsync(
                async () => (await http.GetFromJsonAsync<Alert[]>("/api/alerts?state=all", HostJson, Ct))!,
                a => a.Length > 0, TimeSpan.FromSeconds(30), "an alert");

            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ready after {ready.TotalSeconds:0.0} s; first page and camps in {page.ElapsedMilliseconds} ms; the week replayed after {replayed.TotalSeconds:0.0} s; "
                + $"{coverage.Count(d => d.Completeness >= CoverageRule.MinimumCompleteness)} judged days of coverage; "
                + $"{levels.Length} level points from {levels.FirstOrDefault().Ts:u}; alerts: {string.Join(", ", alerts.GroupBy(a => a.Kind).Select(g => $"{g.Count()} {g.Key}"))}"));
            Assert.NotEmpty(levels);
            Assert.True(levels[0].Ts < now.AddDays(-6.5), $"the level history starts at {levels[0].Ts:O}");
            Assert.True(coverage.Count(d => d.Completeness >= CoverageRule.MinimumCompleteness) >= 5);
            Assert.NotEmpty(alerts);
        }
        finally
        {
            await app.StopAsync(Ct);
        }
    }

    private static System.Text.Json.JsonSerializerOptions HostJson => Dashboard.Hosting.CampWaterJson.Options;
}
