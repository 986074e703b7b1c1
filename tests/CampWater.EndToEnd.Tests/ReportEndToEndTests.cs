using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CampWater.Alerts;
using CampWater.FieldData;
using CampWater.Services;
using CampWater.Status;
using CampWater.Trucking;
using CampWater.Water;

namespace CampWater.EndToEnd;

/// <summary>
/// A generated month through a real mosquitto and the whole host: last month of a trucked tank in a UTC+3 camp,
/// readings every 20 minutes with 10 % lost, noise at the stated accuracy, one false echo in 200, some arriving
/// late and one whole day without any; 800 people, 1,200 from the 10th (a census recorded afterwards); quality
/// tests, vouchers, a tap point and latrine counts through the API; an alert acknowledged and resolved. The
/// report's figures are computed again here from the API's own lists.
/// </summary>
public sealed class ReportEndToEndTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private const string Camp = "e2e-report";
    private const string ZoneId = "Etc/GMT-3";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Last_months_report_equals_the_figures_computed_from_the_apis_days_alerts_tests_and_vouchers()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        var today = CampCalendar.LocalDate(DateTimeOffset.UtcNow, zone);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var last = first.AddMonths(1).AddDays(-1);
        var month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        DateTimeOffset At(int day, double hour) => CampCalendar.DayBounds(first.AddDays(day - 1), zone).Start.AddHours(hour);

        var tank = FieldTank.VerticalCylinder;
        var capacity = TankGeometry.From(tank.Config).CapacityL;
        var script = new FieldDay
        {
            Tank = tank, IntervalMinutes = 20, Seed = 21, StartShare = 0.6, MeasuredDay = first, Zone = zone,
            End = CampCalendar.DayBounds(last, zone).End.AddHours(2),
            DrawLph = DrawProfile.Daily(capacity * 0.8, seed: 21), Fills = [new Fill(6, 0.5, 9000), new Fill(15, 0.5, 9000)],
        }.Script();

        // The 14th without a single reading; about one reading in 50 arrives after the next one (late, not applied).
        var readings = script.Readings.Where(r => r.Ts < At(14, 0) || r.Ts >= At(15, 0.5)).ToList();
        for (var i = 10; i + 1 < readings.Count; i += 50)
        {
            (readings[i], readings[i + 1]) = (readings[i + 1], readings[i]);
        }

        (await host.Http.PutAsync($"/api/camps/{Camp}", Json($$"""
            { "id": "{{Camp}}", "name": "Report camp", "timeZone": "{{ZoneId}}", "population": 800, "targetLpd": 20,
              "tanks": [{ "id": "t1", "name": "Trucked tank", "shape": "vertical-cylinder", "diameterMm": 3000, "heightMm": 3000,
                          "sensor": { "mountHeightMm": {{tank.Config.Sensor.MountHeightMm}}, "blindZoneMm": {{tank.Config.Sensor.BlindZoneMm}} } }],
              "points": [{ "id": "p1", "name": "Tap stand 1", "kind": "tapstand", "tankId": "t1", "taps": 6 }] }
            """), Ct)).EnsureSuccessStatusCode();
        (await host.Http.PutAsync($"/api/camps/{Camp}/population", Json($$"""{ "from": "{{first.AddDays(9):yyyy-MM-dd}}", "population": 1200 }"""), Ct)).EnsureSuccessStatusCode();

        await using (var sensor = await host.ConnectSensorAsync())
        {
            foreach (var r in readings)
            {
                await sensor.PublishStringAsync($"campwater/{Camp}/tanks/t1/level",
                    string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{Iso(r.Ts)}}","distanceMm":{{r.DistanceMm}}}"""), cancellationToken: Ct);
            }
        }

        var newest = readings.Max(r => r.Ts);
        await Eventually.HoldsAsync(async () => (await host.GetAsync<TankStatus>($"/api/camps/{Camp}/tanks/t1")).LastReadingAt == newest,
            TimeSpan.FromSeconds(90), "the month's last reading to be applied");

        // Field entries: quality tests dated in the month (and one the day before it), vouchers, taps and latrines.
        foreach (var (ts, body) in new[]
        {
            (At(0, 12), """ "frcMgL": 0.8 """),
            (At(5, 8), """ "frcMgL": 0.1 """),
            (At(5, 9) + TimeSpan.FromMinutes(35), """ "frcMgL": 0.5 """),
            (At(12, 10), """ "frcMgL": 0.6, "turbidityNtu": 7 """),
            (At(20, 9), """ "turbidityNtu": 1.2, "ecoliCfu": 0, "pointId": "p1" """),
        })
        {
            (await host.Http.PostAsync($"/api/camps/{Camp}/quality", Json($$"""{ {{(body.Contains("pointId", StringComparison.Ordinal) ? "" : "\"tankId\": \"t1\",")}} "ts": "{{Iso(ts)}}", {{body}} }"""), Ct)).EnsureSuccessStatusCode();
        }

        var voucherNo = 0;
        foreach (var (at, litres) in new[] { (At(0, 15.1), 9000.0), (At(3, 6.1), 9000.0), (At(11, 15.1), 9000.0), (At(8, 11), 5000.0) })
        {
            var answer = await host.Http.PostAsync($"/api/camps/{Camp}/vouchers", Json(string.Create(CultureInfo.InvariantCulture, $$"""
                { "tankId": "t1", "deliveredAt": "{{Iso(at)}}", "litres": {{litres}}, "contractor": "Report Trucks", "truck": "RT-1", "voucherNo": "R-{{++voucherNo}}" }
                """)), Ct);
            Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        }

        (await host.Http.PostAsync($"/api/camps/{Camp}/points/p1/status", Json("""{ "usableTaps": 4 }"""), Ct)).EnsureSuccessStatusCode();
        (await host.Http.PutAsync($"/api/camps/{Camp}/sanitation", Json("""{ "latrines": 30, "usableLatrines": 24, "showers": 10, "usableShowers": 8 }"""), Ct)).EnsureSuccessStatusCode();

        // The turbidity alert of the 12th: acknowledged, then resolved by hand.
        var turbidity = await Eventually.ValueAsync(() => host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}&state=all"),
            a => a.Any(x => x.Kind == AlertKind.QualityTurbidity), TimeSpan.FromSeconds(20), "the turbidity alert");
        var alertId = turbidity.First(x => x.Kind == AlertKind.QualityTurbidity).Id;
        (await host.Http.PostAsync($"/api/alerts/{alertId}/acknowledge", Json("""{ "note": "jar test at the tap" }"""), Ct)).EnsureSuccessStatusCode();
        (await host.Http.PostAsync($"/api/alerts/{alertId}/resolve", Json("""{ "note": "filter cleaned" }"""), Ct)).EnsureSuccessStatusCode();

        // What the report should say, from the API's lists.
        var days = await host.GetAsync<DailyCoverage[]>($"/api/camps/{Camp}/coverage?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}");
        var judged = days.Where(d => d.Met is not null && d.Lpd is not null).ToArray();
        var alerts = (await host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}&state=all&since={Iso(At(1, 0))}"))
            .Where(a => a.RaisedAt >= At(1, 0) && a.RaisedAt < At(1, 0).AddMonths(1) && a.RaisedAt < CampCalendar.DayBounds(last, zone).End).ToArray();
        var tests = (await host.GetAsync<QualityTest[]>($"/api/camps/{Camp}/quality?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}"));
        var vouchers = (await host.GetAsync<Voucher[]>($"/api/camps/{Camp}/vouchers?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}"));
        var tta = alerts.Where(a => a.AcknowledgedAt is not null).Select(a => (a.AcknowledgedAt!.Value - a.RaisedAt).TotalMinutes).Order().ToArray();
        var ttr = alerts.Where(a => a.ResolvedAt is not null).Select(a => (a.ResolvedAt!.Value - a.RaisedAt).TotalMinutes).Order().ToArray();
        var verifiedL = vouchers.Where(v => v.Status is VoucherStatus.Verified or VoucherStatus.Short).Sum(v => Math.Min(v.MeasuredL!.Value, v.Litres));
        var billedL = vouchers.Sum(v => v.Litres);

        var report = await host.GetJsonAsync($"/api/camps/{Camp}/report?month={month}");
        Log($"{month}: {report.GetRawText()}");
        double? N(string path) => path.Split('.').Aggregate(report, (e, p) => e.GetProperty(p)) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : null;

        Assert.Equal(DateTime.DaysInMonth(first.Year, first.Month), days.Length);
        Assert.Equal(days.Length, N("days"));
        // The 14th had no reading: nothing covers it, so it is not judged (the change across it is shared by time).
        Assert.Contains(days, d => d.Date == first.AddDays(13) && d.Met is null && d.Completeness == 0);
        Assert.InRange(judged.Length, days.Length - 3, days.Length - 1);
        Assert.Equal(judged.Length, N("daysJudged"));
        Assert.Equal(Math.Round(judged.Average(d => d.Lpd!.Value), 2), N("lpdMean")!.Value, 2);
        Assert.Equal(judged.Count(d => d.Lpd < 15), N("daysBelow15"));
        Assert.Equal(judged.Count(d => d.Lpd < 20), N("daysBelowTarget"));
        Assert.Equal(Math.Round(days.Average(d => d.Completeness), 4), N("completenessMean")!.Value, 4);
        Assert.Equal(1200, N("population"));
        Assert.False(report.GetProperty("inProgress").GetBoolean());

        Assert.Equal(4, tests.Length);
        Assert.Equal(4, N("qualityTests"));
        Assert.Equal(Pct(tests.Where(t => t.FrcMgL is not null), t => t.FrcMgL is >= 0.2 and <= 2), N("frcCompliancePct"));
        Assert.Equal(Pct(tests.Where(t => t.TurbidityNtu is not null), t => t.TurbidityNtu <= 5), N("turbidityCompliancePct"));
        Assert.Equal(Pct(tests.Where(t => t.EcoliCfu is not null), t => t.EcoliCfu == 0), N("ecoliCompliancePct"));

        Assert.Equal(3, vouchers.Length);
        Assert.Equal(vouchers.Length, N("deliveries.vouchers"));
        Assert.Equal(billedL, N("deliveries.billedL"));
        Assert.Equal(Math.Round(verifiedL, 1), N("deliveries.verifiedL"));
        Assert.Equal(Math.Round(verifiedL / billedL * 100, 1), N("deliveries.verifiedPct"));

        Assert.Contains(alerts, a => a.Kind == AlertKind.QualityFrcLow);
        Assert.Equal(alerts.Length, N("alerts.raised"));
        Assert.Equal(Math.Round(Median(tta)!.Value, 1), N("alerts.mttaMinutes")!.Value, 1);
        Assert.Equal(Math.Round(Median(ttr)!.Value, 1), N("alerts.mttrMinutes")!.Value, 1);
        Assert.Equal(Math.Round(ttr[(int)Math.Ceiling(0.9 * ttr.Length) - 1], 1), N("alerts.mttrP90Minutes")!.Value, 1);

        // Taps and latrines were first counted this month: last month has none, and says so.
        Assert.Null(N("peoplePerUsableTap"));
        Assert.Equal("no taps registered", report.GetProperty("unavailable").GetProperty("peoplePerUsableTap").GetString());
        var now = await host.GetJsonAsync($"/api/camps/{Camp}/report?month={today:yyyy-MM}");
        Assert.True(now.GetProperty("inProgress").GetBoolean());
        Assert.Equal(1200.0 / 4, now.GetProperty("peoplePerUsableTap").GetDouble());
        Assert.Equal(1200.0 / 24, now.GetProperty("peoplePerUsableLatrine").GetDouble());

        // Sensor uptime: the share of the month the readings covered, from the days' completeness.
        Assert.Equal(Math.Round(days.Average(d => d.Completeness) * 100, 1), N("sensorUptimePct")!.Value, 0);

        var csv = await host.Http.GetStringAsync($"/api/camps/{Camp}/report.csv?month={month}", Ct);
        Log($"{csv}");
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("camp,month,inProgress,indicator,label,value,unit,standard,met,note", rows[0]);
        Assert.StartsWith($"{Camp},{month},false,lpdMean,", rows[2], StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $",{N("lpdMean")},l/p/d,≥ 20,"), rows[2], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith($"{Camp},{month},false,peoplePerUsableTap,", StringComparison.Ordinal) && r.EndsWith(",,no taps registered", StringComparison.Ordinal));

        var bad = await host.Http.GetAsync($"/api/camps/{Camp}/report?month=2026-13", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"month\"", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var all = await host.GetJsonAsync($"/api/reports?month={month}");
        Assert.Contains(all.EnumerateArray(), r => r.GetProperty("campId").GetString() == Camp && r.GetProperty("lpdMean").GetDouble() == N("lpdMean"));
    }

    private static double? Pct<T>(IEnumerable<T> items, Func<T, bool> ok)
    {
        var list = items.ToArray();
        return list.Length == 0 ? null : Math.Round(100.0 * list.Count(ok) / list.Length, 1);
    }

    private static double? Median(double[] sorted) =>
        sorted.Length == 0 ? null : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;

    private static void Log(FormattableString text) => TestContext.Current.TestOutputHelper?.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
