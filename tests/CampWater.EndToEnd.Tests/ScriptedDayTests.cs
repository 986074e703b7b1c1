using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using CampWater.Alerts;

namespace CampWater.EndToEnd;

/// <summary>
/// A whole camp day played through a real mosquitto, one reading a minute, and the alerts that the
/// contract's table predicts for it: exactly those, each visible in the API within a second of the
/// reading that caused it.
/// </summary>
public sealed class ScriptedDayTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private const string Camp = "e2e-script";
    private const string Tank = "day";

    /// <summary>2,000 mm × 3,000 mm vertical cylinder: 9,424.78 L.</summary>
    private const double CapacityL = 9424.778;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scripted_day_raises_exactly_the_predicted_alerts_each_in_the_api_within_1_s_of_its_reading()
    {
        // A fixed-offset zone where it is now between 05:00 and 06:00: yesterday (day D) has just ended and
        // this morning's quiet hours (00:00-04:00) are over, so the whole script lies in the past.
        var now = DateTimeOffset.UtcNow;
        var offset = (5 - now.Hour + 24) % 24;
        offset = offset > 12 ? offset - 24 : offset;
        var zoneId = offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        var localNow = now.ToOffset(TimeSpan.FromHours(offset));
        var dayStart = new DateTimeOffset(localNow.Date.AddDays(-1), TimeSpan.FromHours(offset));

        var put = await host.Http.PutAsync($"/api/camps/{Camp}", new StringContent($$"""
            { "id": "{{Camp}}", "name": "Scripted day", "timeZone": "{{zoneId}}", "population": 1000, "targetLpd": 20,
              "tanks": [{ "id": "{{Tank}}", "name": "Tank day", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
                          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 },
                          "thresholds": { "offlineAfterMin": 3000 } }] }
            """, Encoding.UTF8, "application/json"), Ct);
        put.EnsureSuccessStatusCode();

        var script = Script(dayStart, localNow);
        var seen = new ConcurrentDictionary<(string Id, AlertState State, AlertSeverity Severity), (DateTime At, Alert Alert)>();
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var poller = Poll(seen, stopPolling.Token);

        // The one state that a later reading undoes within seconds: low-level is critical only from the first
        // reading below 10 % until the level climbs back. Hold the script there so the API can be seen to show it.
        var turnsCritical = FirstReading(script, dayStart.AddHours(7), pct => pct < 10);
        var published = new Dictionary<DateTimeOffset, DateTime>();
        await using (var sensor = await host.ConnectSensorAsync())
        {
            var pace = Stopwatch.StartNew();
            var held = TimeSpan.Zero;
            for (var i = 0; i < script.Count; i++)
            {
                var (ts, payload) = script[i];
                await sensor.PublishStringAsync($"campwater/{Camp}/tanks/{Tank}/level", payload, cancellationToken: Ct);
                published[ts] = DateTime.UtcNow;
                if (ts == turnsCritical)
                {
                    held = TimeSpan.FromMilliseconds(1500);
                    await Task.Delay(held, Ct);
                }

                // About 150 readings a second: a day in ten seconds, gentle enough to time each alert.
                var ahead = TimeSpan.FromMilliseconds(i * 1000.0 / 150) + held - pace.Elapsed;
                if (ahead > TimeSpan.Zero)
                {
                    await Task.Delay(ahead, Ct);
                }
            }
        }

        var last = script[^1].Ts;
        await Eventually.HoldsAsync(
            async () => (await host.GetAsync<Status.TankStatus>($"/api/camps/{Camp}/tanks/{Tank}")).LastReadingAt == last,
            TimeSpan.FromSeconds(30), "the last scripted reading to be applied");
        await Task.Delay(1500, Ct);
        await stopPolling.CancelAsync();
        await poller;

        var alerts = await host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}&state=all");
        DateTimeOffset Local(int hour, int minute, int day = 0) => dayStart.AddDays(day).AddHours(hour).AddMinutes(minute);

        // Exactly six alerts: five tank alerts resolved by the system, and the day's coverage still open.
        Assert.Equal(
            ["coverage-low", "low-level", "night-draw", "overflow", "rapid-drop", "sensor-fault"],
            alerts.Select(a => Kebab(a.Kind)).Order(StringComparer.Ordinal));

        var night = alerts.Single(a => a.Kind == AlertKind.NightDraw);
        Assert.Equal((AlertSeverity.Warning, AlertState.Resolved, "system"), (night.Severity, night.State, night.ResolvedBy));
        Assert.InRange(night.RaisedAt, Local(2, 0), Local(2, 15)); // 10 % drawn over the four quiet hours passes 5 % near 02:00
        Assert.Equal(Local(4, 0, day: 1), night.ResolvedAt); // the end of the next, clean, quiet hours

        var rapid = alerts.Single(a => a.Kind == AlertKind.RapidDrop);
        Assert.Equal((AlertSeverity.Critical, AlertState.Resolved, 0), (rapid.Severity, rapid.State, rapid.Escalations));
        Assert.InRange(rapid.RaisedAt, Local(6, 10), Local(6, 20)); // 60 %/h from 06:00, sustained for 10 min
        Assert.InRange(rapid.ResolvedAt!.Value, Local(6, 30), Local(6, 50)); // flat from 06:20, calm for 10 min

        // Warning below 25 %, critical below 10 %, warning again on the way up (the same alert throughout).
        var low = alerts.Single(a => a.Kind == AlertKind.LowLevel);
        Assert.Equal((AlertSeverity.Warning, AlertState.Resolved, 0), (low.Severity, low.State, low.Escalations));
        Assert.Equal(FirstReading(script, Local(7, 0), pct => pct < 25), low.RaisedAt);
        Assert.Equal(FirstReading(script, Local(12, 0), pct => pct >= 30), low.ResolvedAt);

        var overflow = alerts.Single(a => a.Kind == AlertKind.Overflow);
        Assert.Equal((AlertSeverity.Warning, AlertState.Resolved), (overflow.Severity, overflow.State));
        Assert.Equal(FirstReading(script, Local(12, 0), pct => pct > 98), overflow.RaisedAt);
        Assert.Equal(FirstReading(script, Local(12, 30), pct => pct <= 95), overflow.ResolvedAt);

        var fault = alerts.Single(a => a.Kind == AlertKind.SensorFault);
        Assert.Equal((AlertSeverity.Warning, AlertState.Resolved), (fault.Severity, fault.State));
        Assert.Equal(Local(13, 0), fault.RaisedAt);
        Assert.Equal(Local(13, 3), fault.ResolvedAt); // the third plausible reading in a row

        // 131 % of the tank fell in day D: 12,346 L for 1,000 people. People drew while the truck filled it too, at
        // about the 8 %/h before it and the 5-10 %/h after: some 4 % of the tank over its half hour, estimated.
        // Below the 15 L emergency minimum either way.
        var coverage = alerts.Single(a => a.Kind == AlertKind.CoverageLow);
        Assert.Null(coverage.TankId);
        Assert.Equal((AlertSeverity.Critical, AlertState.Active), (coverage.Severity, coverage.State));
        Assert.Equal(Local(0, 0, day: 1), coverage.RaisedAt);
        var date = DateOnly.FromDateTime(dayStart.DateTime);
        var day = Assert.Single(await host.GetAsync<Status.DailyCoverage[]>($"/api/camps/{Camp}/coverage?from={date:yyyy-MM-dd}&to={date:yyyy-MM-dd}"));
        Assert.InRange(day.DrawnL - day.EstimatedL, 1.31 * CapacityL * 0.99, 1.31 * CapacityL * 1.01);
        Assert.InRange(day.EstimatedL, 0.03 * CapacityL, 0.05 * CapacityL);
        Assert.Equal(Assert.NotNull(day.Lpd), coverage.Value!.Value, 2);

        // Each change was in the API within a second of publishing the reading that caused it.
        foreach (var alert in alerts)
        {
            AssertWithinOneSecond($"{Kebab(alert.Kind)} raised", published, alert.RaisedAt, FirstSeen(seen, alert.Id, _ => true));
            if (alert.ResolvedAt is { } resolvedAt)
            {
                AssertWithinOneSecond($"{Kebab(alert.Kind)} resolved", published, resolvedAt, FirstSeen(seen, alert.Id, k => k.State == AlertState.Resolved));
            }
        }

        var critical = FirstSeen(seen, low.Id, k => k.Severity == AlertSeverity.Critical);
        AssertWithinOneSecond("low-level turned critical", published, FirstReading(script, Local(7, 0), pct => pct < 10), critical);

        // The same six in /metrics, counted by kind and by severity at raising.
        Assert.Equal(1, await host.MetricAsync("campwater_alerts_raised_total{kind=\"low-level\",severity=\"warning\"}"));
        Assert.Equal(1, await host.MetricAsync("campwater_alerts_raised_total{kind=\"rapid-drop\",severity=\"critical\"}"));
        Assert.Equal(1, await host.MetricAsync("campwater_alerts_raised_total{kind=\"night-draw\",severity=\"warning\"}"));
        Assert.Equal(1, await host.MetricAsync("campwater_alerts_raised_total{kind=\"overflow\",severity=\"warning\"}"));
        Assert.Equal(1, await host.MetricAsync("campwater_alerts_raised_total{kind=\"sensor-fault\",severity=\"warning\"}"));
        Assert.Equal(1, await host.MetricAsync("campwater_alerts_raised_total{kind=\"coverage-low\",severity=\"critical\"}"));
        Assert.Equal(1, await host.MetricAsync("campwater_alerts_open{severity=\"critical\"}"));
        Assert.Equal(0, await host.MetricAsync("campwater_alerts_open{severity=\"warning\"}"));
    }

    private static DateTime FirstSeen(
        ConcurrentDictionary<(string Id, AlertState State, AlertSeverity Severity), (DateTime At, Alert Alert)> seen,
        string id,
        Func<(string Id, AlertState State, AlertSeverity Severity), bool> matches) =>
        seen.Where(s => s.Key.Id == id && matches(s.Key)).Select(s => s.Value.At).DefaultIfEmpty(DateTime.MaxValue).Min();

    private static void AssertWithinOneSecond(string what, Dictionary<DateTimeOffset, DateTime> published, DateTimeOffset cause, DateTime seenAt)
    {
        // A change dated between readings (none here, but possible) is caused by the next reading.
        var reading = published.Keys.Where(ts => ts >= cause).Min();
        var delay = seenAt - published[reading];
        Assert.True(delay <= TimeSpan.FromSeconds(1), $"{what}: in the API {delay.TotalMilliseconds:0} ms after its reading ({reading:O}) was published");
    }

    /// <summary>
    /// Day D, one reading a minute, as level percent (distance for the one fault), then the morning after
    /// until now:
    /// 00:00-04:00 80→70 % (night draw) · 04:00-06:00 →60 · 06:00-06:20 →40 (leak, 60 %/h) · flat to 07:00 ·
    /// 07:00-10:00 →24 (low) · 10:00-12:00 →8 (critical) · 12:00-12:30 →99 (truck, overflow) ·
    /// 12:30-13:00 →94 · 13:00 a distance inside the blind zone (fault) · 13:00-24:00 →40 ·
    /// D+1 00:00-04:00 →39 (a clean night) · flat until now.
    /// </summary>
    private static List<(DateTimeOffset Ts, string Payload)> Script(DateTimeOffset dayStart, DateTimeOffset localNow)
    {
        (double Minute, double Pct)[] knots =
        [
            (0, 80), (240, 70), (360, 60), (380, 40), (420, 40), (600, 24), (720, 8), (750, 99), (780, 94), (1440, 40),
            (1680, 39), (double.MaxValue, 39),
        ];

        var readings = new List<(DateTimeOffset, string)>();
        var end = (int)(localNow - dayStart).TotalMinutes - 1;
        for (var minute = 0; minute <= end; minute++)
        {
            var ts = dayStart.AddMinutes(minute);
            var json = minute == 780
                ? $$"""{"ts":"{{Iso(ts)}}","distanceMm":100}"""
                : string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{Iso(ts)}}","levelPct":{{Math.Round(Pct(knots, minute), 4)}}}""");
            readings.Add((ts, json));
        }

        return readings;
    }

    private static double Pct((double Minute, double Pct)[] knots, int minute)
    {
        for (var i = 1; i < knots.Length; i++)
        {
            if (minute <= knots[i].Minute)
            {
                var (m0, p0) = knots[i - 1];
                var (m1, p1) = knots[i];
                return m1 == double.MaxValue ? p1 : p0 + ((p1 - p0) * (minute - m0) / (m1 - m0));
            }
        }

        return knots[^1].Pct;
    }

    private static DateTimeOffset FirstReading(List<(DateTimeOffset Ts, string Payload)> script, DateTimeOffset from, Func<double, bool> holds)
    {
        foreach (var (ts, payload) in script)
        {
            if (ts >= from && payload.Contains("levelPct", StringComparison.Ordinal)
                && holds(double.Parse(payload[(payload.IndexOf("\"levelPct\":", StringComparison.Ordinal) + 11)..^1], CultureInfo.InvariantCulture)))
            {
                return ts;
            }
        }

        throw new InvalidOperationException("The script never reaches that level.");
    }

    private async Task Poll(ConcurrentDictionary<(string Id, AlertState State, AlertSeverity Severity), (DateTime At, Alert Alert)> seen, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var alerts = await host.Http.GetFromJsonAsync<Alert[]>($"/api/alerts?campId={Camp}&state=all", host.Json, stop);
                var at = DateTime.UtcNow;
                foreach (var alert in alerts!)
                {
                    seen.TryAdd((alert.Id, alert.State, alert.Severity), (at, alert));
                }

                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static string Iso(DateTimeOffset ts) => ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private string Kebab(AlertKind kind) => System.Text.Json.JsonSerializer.Serialize(kind, host.Json).Trim('"');
}
