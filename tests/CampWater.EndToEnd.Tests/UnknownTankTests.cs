using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using CampWater.Grains;
using CampWater.Status;
using CampWater.Testing;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet.Protocol;

namespace CampWater.EndToEnd;

/// <summary>
/// Readings for camps and tanks that do not exist are refused at the edge, by ingestion's index of the registry:
/// no grain is activated for them, so a flood of made-up ids costs no memory. A tank created through the API is
/// in that index with its first reading. The memory it measures is the whole test process's, so it runs alone,
/// after the tests that run side by side: another host starting meanwhile would count as growth.
/// </summary>
[Collection(MeasuredAlone.Name)]
public sealed class UnknownTankTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private const long MaxGrowthBytes = 50L * 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Reading(DateTimeOffset ts, double distanceMm) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","distanceMm":{{distanceMm}}}""");

    [Fact]
    public async Task A_flood_of_100000_readings_for_made_up_camps_and_tanks_is_all_counted_unknown_tank_activates_no_tank_grain_and_grows_memory_by_under_50_MB()
    {
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var management = grains.GetGrain<IManagementGrain>(0);
        var tankType = grains.GetGrain<ITankGrain>(TankKey.Of(HostFixture.CampId, "faults")).GetGrainId().Type;
        const string unknown = "campwater_readings_rejected_total{reason=\"unknown-tank\"}";
        await using var sensor = await host.ConnectSensorAsync();

        // A first round warms up what any traffic needs (JIT, buffers, the broker's session), so that what is
        // measured after it is what made-up ids leave behind.
        var warmUp = await host.MetricAsync(unknown);
        await FloodAsync(sensor, 0, 5_000);
        await Eventually.HoldsAsync(async () => await host.MetricAsync(unknown) - warmUp == 5_000, TimeSpan.FromSeconds(60), "the warm-up counted");
        var tanksBefore = (await management.GetActiveGrains(tankType, Ct)).Count;
        var memoryBefore = Memory();
        var before = await host.MetricAsync(unknown);

        var flooding = Stopwatch.StartNew();
        await FloodAsync(sensor, 5_000, 100_000);
        await Eventually.HoldsAsync(async () => await host.MetricAsync(unknown) - before == 100_000, TimeSpan.FromSeconds(120), "100,000 readings counted as unknown-tank");
        flooding.Stop();
        var memoryAfter = Memory();
        var tanksAfter = (await management.GetActiveGrains(tankType, Ct)).Count;

        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"100,000 made-up readings refused in {flooding.Elapsed.TotalSeconds:0.0} s; RSS {memoryBefore.Rss / 1048576.0:0.0} → {memoryAfter.Rss / 1048576.0:0.0} MB, "
            + $"managed heap {memoryBefore.Heap / 1048576.0:0.0} → {memoryAfter.Heap / 1048576.0:0.0} MB; active tank grains {tanksBefore} → {tanksAfter}"));
        Assert.Equal(100_000, await host.MetricAsync(unknown) - before);
        Assert.Equal(tanksBefore, tanksAfter);
        Assert.True(memoryAfter.Rss - memoryBefore.Rss < MaxGrowthBytes,
            $"RSS grew by {(memoryAfter.Rss - memoryBefore.Rss) / 1048576.0:0.0} MB under the flood");
    }

    [Fact]
    public async Task A_tank_and_a_camp_created_through_the_api_apply_their_first_readings_at_once()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var before = await host.MetricAsync("campwater_readings_rejected_total{reason=\"unknown-tank\"}");
        const string tank = """{ "name": "New tank", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000, "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 } }""";
        (await host.Http.PutAsync($"/api/camps/{HostFixture.CampId}/tanks/added", new StringContent(tank, Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
        var camp = $$"""{ "name": "New camp", "timeZone": "Asia/Damascus", "population": 800, "targetLpd": 20, "tanks": [ {{tank.Replace("{ \"name\"", "{ \"id\": \"first\", \"name\"", StringComparison.Ordinal)}} ] }""";
        (await host.Http.PutAsync("/api/camps/e2e-new", new StringContent(camp, Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();

        var ts = DateTimeOffset.UtcNow.AddSeconds(-3);
        ts = new DateTimeOffset(ts.UtcTicks - ts.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await sensor.PublishStringAsync($"campwater/{HostFixture.CampId}/tanks/added/level", Reading(ts, 1300), cancellationToken: Ct);
        await sensor.PublishStringAsync("campwater/e2e-new/tanks/first/level", Reading(ts, 2300), cancellationToken: Ct);

        var added = await Eventually.ValueAsync(() => host.GetAsync<TankStatus>($"/api/camps/{HostFixture.CampId}/tanks/added"), s => s.LastReadingAt == ts, TimeSpan.FromSeconds(5), "the new tank's first reading");
        var first = await Eventually.ValueAsync(() => host.GetAsync<TankStatus>("/api/camps/e2e-new/tanks/first"), s => s.LastReadingAt == ts, TimeSpan.FromSeconds(5), "the new camp's first reading");
        Assert.Equal(2000, added.LevelMm!.Value, 1);
        Assert.Equal(1000, first.LevelMm!.Value, 1);
        Assert.Equal(before, await host.MetricAsync("campwater_readings_rejected_total{reason=\"unknown-tank\"}"));
    }

    /// <summary>Readings for made-up ids, half of them in made-up camps and half in a real camp, QoS 1 so that none is lost on the way.</summary>
    private static async Task FloodAsync(MqttTestClient sensor, int from, int count)
    {
        var payload = Encoding.UTF8.GetBytes(Reading(DateTimeOffset.UtcNow.AddMinutes(-1), 1200));
        var inFlight = new List<Task>(500);
        for (var i = from; i < from + count; i++)
        {
            var topic = i % 2 == 0 ? $"campwater/made-up-{i}/tanks/t{i}/level" : $"campwater/{HostFixture.CampId}/tanks/made-up-{i}/level";
            inFlight.Add(sensor.PublishAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: Ct));
            if (inFlight.Count == 500)
            {
                await Task.WhenAll(inFlight);
                inFlight.Clear();
            }
        }

        await Task.WhenAll(inFlight);
    }

    /// <summary>The process's resident memory and managed heap after a full collection.</summary>
    private static (long Rss, long Heap) Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return (process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }
}

/// <summary>Tests that measure the whole process (its memory) and so run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "measured alone";
}
