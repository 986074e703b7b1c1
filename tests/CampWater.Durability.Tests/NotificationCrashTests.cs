using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CampWater.Alerts;
using CampWater.Dashboard.Hosting;
using CampWater.Notifications;
using CampWater.Testing;
using MQTTnet.Protocol;

namespace CampWater.Durability;

/// <summary>
/// Notifications outlive a crash: a silo on Redis storage killed with SIGKILL while its webhook receiver is
/// down sends the waiting delivery after its restart, exactly once to a receiver that drops repeats by
/// delivery id, and never sends again what was delivered before the crash.
/// </summary>
public sealed class NotificationCrashTests
{
    private const string Secret = "crash-test-secret-0123456789";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string RegistryJson = """
        {
          "camps": [{
            "id": "crash", "name": "Crash", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [
              { "id": "before", "name": "Tank before", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
                "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 }, "thresholds": { "offlineAfterMin": 240 } },
              { "id": "during", "name": "Tank during", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
                "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 }, "thresholds": { "offlineAfterMin": 240 } }]
          }]
        }
        """;

    [Fact]
    public async Task A_silo_killed_while_the_webhook_is_down_delivers_the_waiting_alert_once_after_restart_and_never_resends_the_one_delivered_before()
    {
        var down = false;
        var requests = new ConcurrentQueue<(string DeliveryId, string AlertId, int Status)>();
        var accepted = new ConcurrentDictionary<string, int>(); // what a deduplicating receiver keeps: one per delivery id
        await using var receiver = await HttpReceiver.StartAsync();
        receiver.Answer = (_, request) =>
        {
            var id = request.Header("X-CampWater-Delivery")!;
            var status = Volatile.Read(ref down) ? 503 : 200;
            if (status == 200)
            {
                accepted.AddOrUpdate(id, 1, (_, n) => n + 1);
            }

            requests.Enqueue((id, JsonDocument.Parse(request.Body).RootElement.GetProperty("alert").GetProperty("id").GetString()!, status));
            return status;
        };

        await using var cluster = await DurableCluster.StartAsync(RegistryJson);
        var silo = await cluster.StartSiloAsync("a", extraArguments:
        [
            "--CampWater:Notify:Channels:0:Name", "ops",
            "--CampWater:Notify:Channels:0:Kind", "webhook",
            "--CampWater:Notify:Channels:0:Url", receiver.Url + "/hook",
            "--CampWater:Notify:Channels:0:Secret", Secret,
            "--CampWater:Notify:Rules:0:Notify:0", "ops",
        ]);
        using var api = new HttpClient { BaseAddress = new Uri(DurableCluster.BaseUrl(silo)) };
        await using var sensor = await MqttTestClient.ConnectAsync(cluster.Mosquitto.Host, cluster.Mosquitto.Port, cancellationToken: Ct);

        var delivered = await RaiseAsync(sensor, api, "before");
        await LogShowsAsync(api, delivered.Id, "sent");

        Volatile.Write(ref down, true);
        var waiting = await RaiseAsync(sensor, api, "during");
        await Eventually.HoldsAsync(() => Task.FromResult(requests.Count(r => r.AlertId == waiting.Id) >= 2), Wait, "2 refused attempts for the alert raised while the receiver is down");
        await LogShowsAsync(api, waiting.Id, "retrying");
        silo.Kill();
        Volatile.Write(ref down, false);
        await silo.StartAgainAsync(Ct);

        var log = await LogShowsAsync(api, waiting.Id, "sent");
        await Task.Delay(5000, Ct);

        var waitingId = Assert.Single(log).DeliveryId;
        var deliveredId = Assert.Single(await api.GetFromJsonAsync<DeliveryEntry[]>($"/api/alerts/{delivered.Id}/notifications", CampWaterJson.Options, Ct) ?? []).DeliveryId;
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, requests.Select(r => $"{r.AlertId} {r.DeliveryId} {r.Status}")));
        Assert.Equal(1, requests.Count(r => r.DeliveryId == deliveredId));
        Assert.Equal(1, requests.Count(r => r.DeliveryId == waitingId && r.Status == 200));
        Assert.Equal(new[] { deliveredId, waitingId }.Order(StringComparer.Ordinal), accepted.Keys.Order(StringComparer.Ordinal));
        Assert.All(accepted.Values, n => Assert.Equal(1, n));
    }

    /// <summary>A level of 40 %, then 8 % read twice (the level filter confirms a jump on the next reading): a critical low-level alert.</summary>
    private static async Task<Alert> RaiseAsync(MqttTestClient sensor, HttpClient api, string tankId)
    {
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-30);
        foreach (var (at, pct) in new[] { (t0, 40.0), (t0.AddSeconds(10), 8.0), (t0.AddSeconds(20), 8.0) })
        {
            await sensor.PublishStringAsync(
                $"campwater/crash/tanks/{tankId}/level",
                string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","levelPct":{{pct}}}"""),
                MqttQualityOfServiceLevel.AtLeastOnce,
                cancellationToken: Ct);
        }

        var alerts = await Eventually.ValueAsync(
            async () => await api.GetFromJsonAsync<Alert[]>("/api/alerts?campId=crash", CampWaterJson.Options, Ct) ?? [],
            a => a.Any(x => x.TankId == tankId),
            Wait,
            $"the alert on {tankId}");
        return alerts.First(a => a.TankId == tankId);
    }

    private static Task<DeliveryEntry[]> LogShowsAsync(HttpClient api, string alertId, string status) =>
        Eventually.ValueAsync(
            async () =>
            {
                try
                {
                    return await api.GetFromJsonAsync<DeliveryEntry[]>($"/api/alerts/{alertId}/notifications", CampWaterJson.Options, Ct) ?? [];
                }
                catch (HttpRequestException)
                {
                    return []; // the silo is still starting
                }
            },
            l => l.Length == 1 && l[0].Status == status,
            Wait,
            $"the delivery of {alertId} logged as {status}");
}
