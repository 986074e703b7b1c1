using System.Net;
using CampWater.Testing;

namespace CampWater.Durability;

/// <summary><c>/health/ready</c> says when the broker or Redis is gone, and the silo recovers by itself.</summary>
public sealed class ReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ready_turns_false_while_redis_or_the_broker_is_down_and_true_again_when_each_returns()
    {
        var stream = ReadingStream.Create(camps: 1, tanksPerCamp: 1, readingsPerTank: 5);
        await using var cluster = await DurableCluster.StartAsync(stream.RegistryJson());
        var silo = await cluster.StartSiloAsync("a");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = silo.Options.ReadyUrl!;

        await cluster.Redis.StopAsync(Ct);
        await ExpectAsync(http, ready, HttpStatusCode.ServiceUnavailable, "Redis down");
        await cluster.Redis.StartAgainAsync(Ct);
        await ExpectAsync(http, ready, HttpStatusCode.OK, "Redis back");

        await cluster.Mosquitto.StopAsync(Ct);
        await ExpectAsync(http, ready, HttpStatusCode.ServiceUnavailable, "the broker down");
        await cluster.Mosquitto.StartAgainAsync(Ct);
        await ExpectAsync(http, ready, HttpStatusCode.OK, "the broker back");

        // Still ingesting after both outages.
        await using var sensor = await MqttTestClient.ConnectAsync(cluster.Mosquitto.Host, cluster.Mosquitto.Port, cancellationToken: Ct);
        foreach (var (topic, payload) in stream.Readings)
        {
            await sensor.PublishStringAsync(topic, payload, cancellationToken: Ct);
        }

        await ClusterState.WaitForAllAppliedAsync(DurableCluster.BaseUrl(silo), stream, TimeSpan.FromSeconds(30));
    }

    private static async Task ExpectAsync(HttpClient http, string url, HttpStatusCode expected, string when)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = (await http.GetAsync(url, Ct)).StatusCode;
                if (last == expected)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = null;
            }

            await Task.Delay(200, Ct);
        }

        Assert.Fail($"With {when}, /health/ready answered {last?.ToString() ?? "nothing"} for 30 s instead of {expected}.");
    }
}
