using System.Globalization;
using System.Net;
using System.Text;
using CampWater.Alerts;
using CampWater.FieldData;
using CampWater.Status;
using CampWater.Trucking;
using CampWater.Water;

namespace CampWater.EndToEnd;

/// <summary>
/// Water trucking through a real mosquitto and the whole host: a generated day of a trucked tank (readings every
/// 5 minutes, 10 % lost, noise at the stated accuracy, one false echo in 200, people drawing through the day and
/// while the trucks fill), three trucks, and four vouchers: one exact, one 30 % short, one with no fill, one duplicate.
/// </summary>
public sealed class TruckingEndToEndTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private const string Camp = "e2e-truck";

    private const string Contractor = "Al-Noor Water (e2e)";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private Task<HttpResponseMessage> PostVoucher(DateTimeOffset at, double litres, string voucherNo) =>
        host.Http.PostAsync($"/api/camps/{Camp}/vouchers", Json(string.Create(CultureInfo.InvariantCulture, $$"""
            { "tankId": "t1", "deliveredAt": "{{Iso(at)}}", "litres": {{litres}}, "contractor": "{{Contractor}}", "truck": "TR-12", "voucherNo": "{{voucherNo}}" }
            """)), Ct);

    [Fact]
    public async Task Three_fills_and_four_vouchers_give_verified_short_with_its_alert_unverified_with_its_alert_409_and_the_report_to_the_litre()
    {
        // A fixed-offset zone where it is now about 22:00, so that the day's trucks at 07:00, 12:00 and 17:00 are long
        // over (and an hour of draw after the last) and a voucher of 14:30 is more than 3 hours old.
        var now = DateTimeOffset.UtcNow;
        var offset = (22 - now.Hour + 24) % 24;
        offset = offset > 12 ? offset - 24 : offset;
        var zoneId = offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var today = CampCalendar.LocalDate(now, zone);
        var dayStart = CampCalendar.DayBounds(today, zone).Start;
        var tank = FieldTank.VerticalCylinder;
        var capacity = TankGeometry.From(tank.Config).CapacityL;
        var trucks = new[] { new Fill(7, 0.5, 7000), new Fill(12, 0.5, 7000), new Fill(17, 0.5, 6000) };
        var day = new FieldDay
        {
            Tank = tank, IntervalMinutes = 5, Seed = 18, StartShare = 0.3, MeasuredDay = today, Zone = zone, End = now.AddMinutes(-1),
            DrawLph = DrawProfile.Daily(capacity * 0.8, seed: 18), Fills = trucks,
        };
        var script = day.Script();

        var put = await host.Http.PutAsync($"/api/camps/{Camp}", Json($$"""
            { "id": "{{Camp}}", "name": "Trucked", "timeZone": "{{zoneId}}", "population": 800, "targetLpd": 20,
              "tanks": [{ "id": "t1", "name": "Trucked tank", "shape": "vertical-cylinder", "diameterMm": 3000, "heightMm": 3000,
                          "sensor": { "mountHeightMm": {{tank.Config.Sensor.MountHeightMm}}, "blindZoneMm": {{tank.Config.Sensor.BlindZoneMm}} } }] }
            """), Ct);
        put.EnsureSuccessStatusCode();

        await using (var sensor = await host.ConnectSensorAsync())
        {
            foreach (var reading in script.Readings)
            {
                await sensor.PublishStringAsync($"campwater/{Camp}/tanks/t1/level",
                    string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{Iso(reading.Ts)}}","distanceMm":{{reading.DistanceMm}}}"""), cancellationToken: Ct);
            }
        }

        var last = script.Readings[^1].Ts;
        await Eventually.HoldsAsync(async () => (await host.GetAsync<TankStatus>($"/api/camps/{Camp}/tanks/t1")).LastReadingAt == last,
            TimeSpan.FromSeconds(60), "the day's last reading to be applied");
        var deliveries = await Eventually.ValueAsync(
            () => host.GetAsync<Delivery[]>($"/api/camps/{Camp}/deliveries?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}"),
            d => d.Length >= 3, TimeSpan.FromSeconds(30), "today's three deliveries");

        // Three deliveries, each within 3 % of its truck, starting within 15 minutes before its truck came.
        Assert.Equal(3, deliveries.Length);
        for (var i = 0; i < 3; i++)
        {
            var truckAt = dayStart.AddHours(trucks[i].StartHour);
            Log($"fill {i + 1}: {deliveries[i].StartedAt.ToOffset(zone.BaseUtcOffset):HH:mm}–{deliveries[i].EndedAt.ToOffset(zone.BaseUtcOffset):HH:mm}, {deliveries[i].Litres} L measured of {trucks[i].Litres} L ({(deliveries[i].Litres / trucks[i].Litres - 1) * 100:+0.0;-0.0} %)");
            Assert.InRange(deliveries[i].StartedAt, truckAt.AddMinutes(-15), truckAt.AddMinutes(5));
            Assert.InRange(deliveries[i].Litres, trucks[i].Litres * 0.97, trucks[i].Litres * 1.03);
        }

        var exact = await PostVoucher(dayStart.AddHours(7).AddMinutes(10), 7000, "N-1");
        var shortOne = await PostVoucher(dayStart.AddHours(12).AddMinutes(5), 10000, "N-2");
        var ghost = await PostVoucher(dayStart.AddHours(14).AddMinutes(30), 5000, "N-3");
        var duplicate = await PostVoucher(dayStart.AddHours(17), 6000, "N-1");

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Conflict],
            new[] { exact.StatusCode, shortOne.StatusCode, ghost.StatusCode, duplicate.StatusCode });
        Assert.Equal("application/problem+json", duplicate.Content.Headers.ContentType?.MediaType);
        var vouchers = await host.GetAsync<Voucher[]>($"/api/camps/{Camp}/vouchers?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal([VoucherStatus.Verified, VoucherStatus.Short, VoucherStatus.Unverified], vouchers.Select(v => v.Status));
        Assert.Equal([deliveries[0].Id, deliveries[1].Id, null], vouchers.Select(v => v.DeliveryId));
        Assert.Equal([deliveries[0].Litres, deliveries[1].Litres], vouchers.Take(2).Select(v => v.MeasuredL!.Value));

        var matched = await host.GetAsync<Delivery[]>($"/api/camps/{Camp}/deliveries?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        Assert.Equal([DeliveryMatch.Verified, DeliveryMatch.Short, DeliveryMatch.Unmatched], matched.Select(d => d.Status));

        var alerts = await Eventually.ValueAsync(() => host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}&state=open"),
            a => a.Any(x => x.Kind == AlertKind.DeliveryShort) && a.Any(x => x.Kind == AlertKind.DeliveryUnverified), TimeSpan.FromSeconds(20), "the trucking alerts");
        var shortAlert = alerts.Single(a => a.Kind == AlertKind.DeliveryShort);
        var unverifiedAlert = alerts.Single(a => a.Kind == AlertKind.DeliveryUnverified);
        Assert.Equal((AlertSeverity.Warning, "t1", deliveries[1].Litres, 10000.0), (shortAlert.Severity, shortAlert.TankId, shortAlert.Value!.Value, shortAlert.Threshold!.Value));
        Assert.Equal((AlertSeverity.Warning, "t1", 5000.0), (unverifiedAlert.Severity, unverifiedAlert.TankId, unverifiedAlert.Value!.Value));

        // The contractor's month, in the camp's zone, to the litre of the measured deliveries.
        var month = today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var report = (await host.GetAsync<ContractorRow[]>($"/api/contractors?month={month}")).Single(r => r.Contractor == Contractor);
        var verifiedL = Math.Min(deliveries[0].Litres, 7000) + deliveries[1].Litres;
        var shortL = 10000 - deliveries[1].Litres;
        Log($"report {month}: {report.Vouchers} vouchers, billed {report.BilledL} L, verified {report.VerifiedL} L, short {report.ShortL} L, unverified {report.Unverified}, verified {report.VerifiedPct} %");
        Assert.Equal((3, 22000.0, verifiedL, shortL, 1), (report.Vouchers, report.BilledL, report.VerifiedL, report.ShortL, report.Unverified));
        Assert.Equal(Math.Round(verifiedL / 22000 * 100, 1), report.VerifiedPct);
        var csv = await host.Http.GetStringAsync($"/api/contractors.csv?month={month}", Ct);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"\n{Contractor},3,22000,{verifiedL},{shortL},1,{Math.Round(verifiedL / 22000 * 100, 1)}\n"), csv, StringComparison.Ordinal);
    }

    private static void Log(FormattableString text) => TestContext.Current.TestOutputHelper?.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private sealed record ContractorRow(string Contractor, int Vouchers, double BilledL, double VerifiedL, double ShortL, int Unverified, double? VerifiedPct);
}
