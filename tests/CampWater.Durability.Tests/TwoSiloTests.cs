using System.Net.Http.Json;
using CampWater.Dashboard.Hosting;
using CampWater.Status;
using CampWater.Testing;
using MQTTnet.Protocol;

namespace CampWater.Durability;

/// <summary>
/// Two silos on Redis clustering, both ingesting through one MQTT shared subscription. Killing one leaves
/// the other serving every camp and tank; what the broker had handed to the dead one waits in its
/// persistent session and is applied when it comes back, so nothing is lost.
/// </summary>
public sealed class TwoSiloTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task With_one_of_two_silos_killed_the_other_serves_every_tank_and_nothing_is_lost_once_it_returns()
    {
        // 21 tanks (an odd number, so the broker's turn-taking gives each tank readings on both silos).
        var stream = ReadingStream.Create(camps: 3, tanksPerCamp: 7, readingsPerTank: 30);
        await using var cluster = await DurableCluster.StartAsync(stream.RegistryJson());
        var a = await cluster.StartSiloAsync("a", sharedGroup: "campwater");
        var b = await cluster.StartSiloAsync("b", sharedGroup: "campwater");
        var viaB = DurableCluster.BaseUrl(b);

        await using var sensor = await MqttTestClient.ConnectAsync(cluster.Mosquitto.Host, cluster.Mosquitto.Port, cancellationToken: Ct);
        var perTank = stream.Tanks.Count;
        var firstHalf = stream.Readings.Take(15 * perTank).ToList();
        await PublishAsync(sensor, firstHalf);
        await WaitForAsync(viaB, stream, stream.LastTs.AddMinutes(-15), TimeSpan.FromSeconds(60));

        // Silo a dies as in a crash; silo b must take over its grains and keep applying readings.
        var before = await LastReadingsAsync(viaB, stream);
        a.Kill();
        await PublishAsync(sensor, stream.Readings.Skip(15 * perTank));
        await Eventually(async () =>
        {
            var now = await LastReadingsAsync(viaB, stream);
            return now.All(kv => kv.Value > before[kv.Key]);
        }, TimeSpan.FromSeconds(90), "silo b to apply new readings on every tank with silo a dead");

        var served = await LastReadingsAsync(viaB, stream);
        Assert.Equal(21, served.Count);

        // What the broker gave to silo a while it was down waits in its session: back, it applies it.
        await a.StartAgainAsync(Ct);
        await ClusterState.WaitForAllAppliedAsync(viaB, stream, TimeSpan.FromSeconds(90));
        await ClusterState.WaitForAllAppliedAsync(DurableCluster.BaseUrl(a), stream, TimeSpan.FromSeconds(30));
    }

    private static async Task PublishAsync(MqttTestClient sensor, IEnumerable<(string Topic, string Payload)> readings)
    {
        foreach (var (topic, payload) in readings)
        {
            await sensor.PublishStringAsync(topic, payload, MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken: Ct);
            await Task.Delay(5, Ct);
        }
    }

    private static async Task<Dictionary<string, DateTimeOffset>> LastReadingsAsync(string baseUrl, ReadingStream stream)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(40) };
        var last = new Dictionary<string, DateTimeOffset>();
        foreach (var camp in stream.CampIds)
        {
            var detail = await http.GetFromJsonAsync<CampSummary>($"{baseUrl}/api/camps/{camp}", CampWaterJson.Options, Ct);
            foreach (var tank in detail!.Tanks!)
            {
                last[$"{camp}/{tank.TankId}"] = tank.LastReadingAt ?? DateTimeOffset.MinValue;
            }
        }

        return last;
    }

    private static async Task WaitForAsync(string baseUrl, ReadingStream stream, DateTimeOffset ts, TimeSpan timeout) =>
        await Eventually(async () => (await LastReadingsAsync(baseUrl, stream)).Values.All(v => v >= ts), timeout, $"every tank to reach {ts:O}");

    private static async Task Eventually(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException)
            {
                // The cluster is moving grains from the dead silo; ask again.
            }

            await Task.Delay(250, Ct);
        }

        throw new TimeoutException($"Waited {timeout.TotalSeconds} s for {what}.");
    }
}
