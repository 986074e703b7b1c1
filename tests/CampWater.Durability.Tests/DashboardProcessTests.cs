using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CampWater.Dashboard.Hosting;
using CampWater.Status;
using CampWater.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CampWater.Durability;

/// <summary>The Dashboard as its own process: an Orleans client of the silos that serves the same API and hub.</summary>
public sealed class DashboardProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_dashboard_process_serves_the_api_and_hub_from_the_silo_and_comes_back_by_itself_after_the_silo_restarts()
    {
        var stream = ReadingStream.Create(camps: 1, tanksPerCamp: 2, readingsPerTank: 60);
        await using var cluster = await DurableCluster.StartAsync(stream.RegistryJson());
        var silo = await cluster.StartSiloAsync("a");
        var dashboard = await cluster.StartDashboardAsync();
        var dashboardUrl = DurableCluster.BaseUrl(dashboard);
        using var http = new HttpClient { BaseAddress = new Uri(dashboardUrl), Timeout = TimeSpan.FromSeconds(10) };

        var updates = new List<TankStatus>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(dashboardUrl + "/hubs/live")
            .AddJsonProtocol(o => o.PayloadSerializerOptions = CampWaterJson.Options)
            .Build();
        hub.On<TankStatus>("tankUpdated", s => { lock (updates) { updates.Add(s); } });
        await hub.StartAsync(Ct);
        await hub.InvokeAsync("Watch", "camp-0", Ct);

        await using var sensor = await MqttTestClient.ConnectAsync(cluster.Mosquitto.Host, cluster.Mosquitto.Port, cancellationToken: Ct);
        var (topic, payload) = stream.Readings[0];
        await sensor.PublishStringAsync(topic, payload, cancellationToken: Ct);
        var first = JsonSerializer.Deserialize<JsonElement>(payload).GetProperty("ts").GetDateTimeOffset();

        var status = await Until(() => http.GetFromJsonAsync<TankStatus>("/api/camps/camp-0/tanks/t0", CampWaterJson.Options, Ct), s => s?.LastReadingAt == first, "the reading via the dashboard's API");
        Assert.Equal("t0", status!.TankId);
        await Until(() => Task.FromResult(Has(updates, first)), has => has, "tankUpdated via the dashboard's hub");

        // The silo goes; the dashboard says it is not ready, then recovers by itself when the silo is back.
        silo.Kill();
        await Until(async () => (await http.GetAsync("/health/ready", Ct)).StatusCode, code => code == HttpStatusCode.ServiceUnavailable, "the dashboard to report the cluster gone");
        await silo.StartAgainAsync(Ct);
        await Until(async () => (await http.GetAsync("/health/ready", Ct)).StatusCode, code => code == HttpStatusCode.OK, "the dashboard to be ready again");

        var (topic2, payload2) = stream.Readings[2];
        await sensor.PublishStringAsync(topic2, payload2, cancellationToken: Ct);
        var second = JsonSerializer.Deserialize<JsonElement>(payload2).GetProperty("ts").GetDateTimeOffset();
        await Until(() => http.GetFromJsonAsync<TankStatus>("/api/camps/camp-0/tanks/t0", CampWaterJson.Options, Ct), s => s?.LastReadingAt == second, "a new reading via the API after the restart");
        // The sensor goes on reading, as sensors do: live updates resume once the dashboard has subscribed
        // to the restarted camp again (it renews its subscriptions every 20 s, and retries sooner on failure).
        var next = 4;
        await Until(
            async () =>
            {
                var (topicN, payloadN) = stream.Readings[next];
                next += 2;
                await sensor.PublishStringAsync(topicN, payloadN, cancellationToken: Ct);
                await Task.Delay(2000, Ct);
                lock (updates)
                {
                    return updates.Any(u => u.TankId == "t0" && u.LastReadingAt > second);
                }
            },
            resumed => resumed,
            "live updates on the same hub connection after the restart");
    }

    private static bool Has(List<TankStatus> updates, DateTimeOffset ts)
    {
        lock (updates)
        {
            return updates.Any(u => u.TankId == "t0" && u.LastReadingAt == ts);
        }
    }

    private static async Task<T> Until<T>(Func<Task<T>> get, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var value = await get();
                if (done(value))
                {
                    return value;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Between the silo's death and its return.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 60 s for {what}.");
            }

            await Task.Delay(200, Ct);
        }
    }
}
