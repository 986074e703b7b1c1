using System.Globalization;
using System.Text;
using CampWater.Alerts;
using CampWater.FieldData;
using CampWater.Status;
using CampWater.Water;

namespace CampWater.EndToEnd;

/// <summary>
/// A generated field day (see <see cref="FieldDay"/>) through a real mosquitto and the whole host: a trucked tank
/// reporting every 20 minutes, 10 % of uplinks lost, noise at the stated accuracy, one false echo in 200, people
/// drawing through the day and while three trucks fill the tank.
/// </summary>
// Field days publish a day of readings at full speed: one at a time, so that neither starves the other of the cores.
[Collection("field-days")]
public sealed class NoisyDayEndToEndTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private const string Camp = "e2e-noisy";

    private const int Population = 500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_noisy_day_of_a_trucked_tank_with_20_minute_uplinks_gives_the_camps_coverage_within_3_percent_of_the_truth_and_no_false_alert()
    {
        // A fixed-offset zone where it is now between 05:00 and 06:00, so that yesterday is a whole day behind us. Half
        // full at the start, the tank stays between 25 % and 98 % all through: any alert would be false.
        var now = DateTimeOffset.UtcNow;
        var offset = (5 - now.Hour + 24) % 24;
        offset = offset > 12 ? offset - 24 : offset;
        var zoneId = offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var yesterday = CampCalendar.LocalDate(now, zone).AddDays(-1);

        var tank = FieldTank.VerticalCylinder;
        var capacity = TankGeometry.From(tank.Config).CapacityL;
        var day = new FieldDay
        {
            Tank = tank, IntervalMinutes = 20, Seed = 1, StartShare = 0.5, MeasuredDay = yesterday, Zone = zone, End = now.AddMinutes(-1),
            DrawLph = DrawProfile.Daily(capacity, seed: 1),
            Fills = [new(7, 0.5, 0.35 * capacity), new(12, 0.5, 0.35 * capacity), new(17, 0.5, 0.35 * capacity)],
        };
        var script = day.Script();

        var put = await host.Http.PutAsync($"/api/camps/{Camp}", new StringContent($$"""
            { "id": "{{Camp}}", "name": "Trucked", "timeZone": "{{zoneId}}", "population": {{Population}}, "targetLpd": 20,
              "tanks": [{ "id": "t1", "name": "Trucked tank", "shape": "vertical-cylinder", "diameterMm": 3000, "heightMm": 3000,
                          "sensor": { "mountHeightMm": {{tank.Config.Sensor.MountHeightMm}}, "blindZoneMm": {{tank.Config.Sensor.BlindZoneMm}} } }] }
            """, Encoding.UTF8, "application/json"), Ct);
        put.EnsureSuccessStatusCode();

        await using (var sensor = await host.ConnectSensorAsync())
        {
            foreach (var reading in script.Readings)
            {
                await sensor.PublishStringAsync(
                    $"campwater/{Camp}/tanks/t1/level",
                    string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{reading.Ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","distanceMm":{{reading.DistanceMm}}}"""),
                    cancellationToken: Ct);
            }
        }

        var last = script.Readings[^1].Ts;
        await Eventually.HoldsAsync(
            async () => (await host.GetAsync<TankStatus>($"/api/camps/{Camp}/tanks/t1")).LastReadingAt == last,
            TimeSpan.FromSeconds(30), "the day's last reading to be applied");

        var coverage = Assert.Single(await host.GetAsync<DailyCoverage[]>($"/api/camps/{Camp}/coverage?from={yesterday:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}"));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"drawn {coverage.DrawnL} of {script.TrueDrawnL:0.0} L, delivered {coverage.DeliveredL} of {script.TrueDeliveredL:0.0} L, estimated during fills {coverage.EstimatedL} L, {coverage.Lpd} l/p/d, completeness {coverage.Completeness}"));
        Assert.Equal(script.TrueDrawnL, coverage.DrawnL, script.TrueDrawnL * 0.03);
        Assert.Equal(script.TrueDeliveredL, coverage.DeliveredL, script.TrueDeliveredL * 0.03);
        Assert.Equal(script.TrueDrawnL / Population, Assert.NotNull(coverage.Lpd), script.TrueDrawnL / Population * 0.03);
        Assert.True(coverage.Completeness >= 0.95, $"completeness {coverage.Completeness} with uplinks every 20 minutes and 1 in 10 lost");

        // The whole host books exactly what the model does in process.
        var model = day.Run();
        Assert.Equal(model.DrawnL, coverage.DrawnL, 0.1);
        Assert.Equal(model.DeliveredL, coverage.DeliveredL, 0.1);

        // No level, overflow, rapid-drop, night-draw, fault or coverage alert from noise or false echoes. (Playing
        // yesterday at full speed may look silent to the camp's clock for a moment; none is still open.)
        var alerts = await host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}&state=all");
        Assert.DoesNotContain(alerts, a => a.Kind != AlertKind.SensorOffline);
        Assert.Empty(await host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}&state=open"));
    }
}
