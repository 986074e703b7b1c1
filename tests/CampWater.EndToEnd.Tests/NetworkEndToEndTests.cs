using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using CampWater.Alerts;
using CampWater.FieldData;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Water;

namespace CampWater.EndToEnd;

/// <summary>
/// A camp's network through a real mosquitto and the whole host: a borehole pump fills a reservoir, which feeds an
/// elevated tank held near full by a float valve and metered at its inlet; a trucked tank beside them. Every level
/// sensor reports every 10 minutes with noise at its stated accuracy, 10 % lost and a false echo in 200; the meter
/// every 15 minutes, 10 % lost.
/// </summary>
// Field days publish a day of readings at full speed: one at a time, so that neither starves the other of the cores.
[Collection("field-days")]
public sealed class NetworkEndToEndTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private const string Camp = "e2e-network";

    private const int Population = 2000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_pumped_reservoir_feeding_a_metered_float_valve_tank_and_a_trucked_tank_give_yesterdays_drawn_delivered_and_lpd_within_3_percent_for_2000_people_dated_that_day()
    {
        // A fixed-offset zone where it is now between 05:00 and 06:00, so that yesterday is a whole day behind us.
        var now = DateTimeOffset.UtcNow;
        var offset = (5 - now.Hour + 24) % 24;
        offset = offset > 12 ? offset - 24 : offset;
        var zoneId = offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var today = CampCalendar.LocalDate(now, zone);
        var yesterday = today.AddDays(-1);

        TankConfig Rect(string id, double heightMm, double lengthMm, double widthMm, double mountMm) =>
            new(id, id, null, TankShapeKind.Rectangular, null, heightMm, lengthMm, widthMm, [], new SensorConfig(mountMm, 250, null), Thresholds.Default);
        var reservoir = Rect("reservoir", 2500, 5000, 8000, 2800) with { Feeds = ["elevated"] };
        var elevated = new TankConfig("elevated", "elevated", null, TankShapeKind.VerticalCylinder, 3000, 3000, null, null, [],
            new SensorConfig(3300, 280, null), Thresholds.Default);
        var trucked = elevated with { Id = "trucked", Name = "trucked" };
        var network = new FieldNetwork
        {
            FirstDay = yesterday.AddDays(-1), Days = 2, Zone = zone, End = now.AddMinutes(-1), Seed = 16,
            Tanks =
            [
                new NetworkTank(reservoir, 0.6, Supply: [new Fill(5, 5, 12_500), new Fill(14, 5, 12_500)]),
                new NetworkTank(elevated, 0.9, DrawProfile.Daily(25_000, seed: 16), FedBy: "reservoir", ValveLph: 6000, Metered: true),
                new NetworkTank(trucked, 0.5, DrawProfile.Daily(21_206, seed: 1), Supply: [new Fill(7, 0.5, 7400), new Fill(12, 0.5, 7400), new Fill(17, 0.5, 7400)]),
            ],
        };
        var (messages, truth) = network.Script();
        var day = truth.Single(t => t.Date == yesterday);

        string TankJson(TankConfig t) => RegistryWriter.ToJson(t).ToJsonString();
        (await host.Http.PutAsync($"/api/camps/{Camp}", Json($$"""
            { "id": "{{Camp}}", "name": "Network", "timeZone": "{{zoneId}}", "population": 1200, "targetLpd": 20,
              "tanks": [{{TankJson(reservoir)}}, {{TankJson(elevated)}}, {{TankJson(trucked)}}] }
            """), Ct)).EnsureSuccessStatusCode();
        (await host.Http.PutAsync($"/api/camps/{Camp}/population", Json($$"""{ "from": "{{yesterday:yyyy-MM-dd}}", "population": {{Population}} }"""), Ct)).EnsureSuccessStatusCode();

        await using (var sensor = await host.ConnectSensorAsync())
        {
            foreach (var m in messages)
            {
                var ts = m.Ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                await sensor.PublishStringAsync(
                    $"campwater/{Camp}/tanks/{m.TankId}/{(m.IsInflow ? "inflow" : "level")}",
                    m.IsInflow
                        ? string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts}}","totalL":{{m.Value}}}""")
                        : string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts}}","distanceMm":{{m.Value}}}"""),
                    cancellationToken: Ct);
            }
        }

        foreach (var id in new[] { "reservoir", "elevated", "trucked" })
        {
            var last = messages.Last(m => m.TankId == id && !m.IsInflow).Ts;
            await Eventually.HoldsAsync(
                async () => (await host.GetAsync<TankStatus>($"/api/camps/{Camp}/tanks/{id}")).LastReadingAt == last,
                TimeSpan.FromSeconds(60), $"the last reading of {id} to be applied");
        }

        // The meter's totals go through their own queue: wait until the day stops changing.
        var url = $"/api/camps/{Camp}/coverage?from={yesterday:yyyy-MM-dd}&to={yesterday:yyyy-MM-dd}";
        string? seen = null;
        await Eventually.HoldsAsync(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), Ct);
            var text = await host.Http.GetStringAsync(url, Ct);
            var same = text == seen;
            seen = text;
            return same;
        }, TimeSpan.FromSeconds(30), "yesterday's coverage to settle");

        var coverage = Assert.Single(await host.GetAsync<DailyCoverage[]>(url));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"drawn {coverage.DrawnL} of {day.DrawnL:0.0} L, delivered {coverage.DeliveredL} of {day.DeliveredL:0.0} L, {coverage.Lpd} of {day.DrawnL / Population:0.00} l/p/d, completeness {coverage.Completeness}, valve {day.ThroughValveL["elevated"]:0} L"));
        Assert.Equal(Population, coverage.Population);
        Assert.Equal(day.DrawnL, coverage.DrawnL, day.DrawnL * 0.03);
        Assert.Equal(day.DeliveredL, coverage.DeliveredL, day.DeliveredL * 0.03);
        Assert.Equal(day.DrawnL / Population, Assert.NotNull(coverage.Lpd), day.DrawnL / Population * 0.03);
        Assert.True(coverage.Met);

        // The elevated tank, held near full, shows what people drew from it.
        var elevatedDay = (await host.GetAsync<CampSummary>($"/api/camps/{Camp}")).Network!.Single(t => t.TankId == "elevated");
        Assert.True(elevatedDay.Metered);

        // No coverage-low, for that day or any other.
        var alerts = await host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}&state=all");
        Assert.DoesNotContain(alerts, a => a.Kind == AlertKind.CoverageLow);

        // A later census leaves the day as it was.
        (await host.Http.PutAsync($"/api/camps/{Camp}/population", Json($$"""{ "from": "{{today:yyyy-MM-dd}}", "population": 3000 }"""), Ct)).EnsureSuccessStatusCode();
        Assert.Equal(seen, await host.Http.GetStringAsync(url, Ct));
        Assert.Equal(3000, (await host.GetAsync<CampSummary>($"/api/camps/{Camp}")).Population);
    }
}
