using System.Globalization;
using System.Text;
using CampWater.Status;
using CampWater.Testing;

namespace CampWater.EndToEnd;

/// <summary>
/// A tank created through the API a moment ago is not yet in ingestion's index of the registry: its first
/// readings wait for the index to be read again. Readings that come after them must wait behind them, or they
/// would be applied first and make the older ones late (a gateway sending a stored history right after its
/// tank was registered would lose most of it).
/// </summary>
public sealed class NewTankOrderTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A counter's value, 0 while it has no sample yet.</summary>
    private async Task<double> Count(string sample)
    {
        try
        {
            return await host.MetricAsync(sample);
        }
        catch (Xunit.Sdk.XunitException)
        {
            return 0;
        }
    }

    [Fact]
    public async Task Six_hundred_readings_sent_at_once_to_a_tank_created_a_moment_before_are_all_applied_in_order_and_none_is_late()
    {
        const string camp = "e2e-order";
        const string late = "campwater_readings_total{outcome=\"late\"}";
        const string applied = "campwater_readings_total{outcome=\"applied\"}";
        var lateBefore = await Count(late);
        var appliedBefore = await Count(applied);

        (await host.Http.PutAsync($"/api/camps/{camp}", new StringContent($$"""
            { "id": "{{camp}}", "name": "Order camp", "timeZone": "UTC", "population": 500, "targetLpd": 20,
              "tanks": [{ "id": "t1", "name": "New tank", "shape": "vertical-cylinder", "diameterMm": 3000, "heightMm": 3000,
                          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 } }] }
            """, Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();

        // A stored history of 10 hours, a reading a minute, noise of a few millimetres around a slow draw.
        var start = DateTimeOffset.UtcNow.AddHours(-10);
        var random = new Random(5);
        await using (var sensor = await host.ConnectSensorAsync())
        {
            for (var i = 0; i < 600; i++)
            {
                var distance = 800 + i + (random.NextDouble() - 0.5) * 10;
                await sensor.PublishStringAsync($"campwater/{camp}/tanks/t1/level", string.Create(CultureInfo.InvariantCulture,
                    $$"""{"ts":"{{start.AddMinutes(i).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","distanceMm":{{distance:0.0}}}"""), cancellationToken: Ct);
            }
        }

        var newest = start.AddMinutes(599).ToUnixTimeSeconds();
        await Eventually.HoldsAsync(async () => (await host.GetAsync<TankStatus>($"/api/camps/{camp}/tanks/t1")).LastReadingAt?.ToUnixTimeSeconds() == newest,
            TimeSpan.FromSeconds(60), "the newest of the 600 readings applied");
        await Eventually.HoldsAsync(async () => await Count(applied) - appliedBefore == 600, TimeSpan.FromSeconds(30),
            "all 600 readings applied");
        Assert.Equal(0, await Count(late) - lateBefore);
    }
}
