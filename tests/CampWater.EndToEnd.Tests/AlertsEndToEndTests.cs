using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CampWater.Alerts;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CampWater.EndToEnd;

/// <summary>
/// Alerts end to end through a real mosquitto: readings raise them, a real subscriber gets them on the
/// alerts topic, a SignalR client as <c>alertChanged</c>, the API lists them, and people act on them.
/// </summary>
public sealed class AlertsEndToEndTests(MosquittoHostFixture host) : IClassFixture<MosquittoHostFixture>
{
    private const string Camp = TestRegistry.AlertCampId;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Reading(DateTimeOffset ts, double levelPct) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","levelPct":{{levelPct}}}""");

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_level_of_24_9_percent_read_twice_raises_a_low_level_warning_seen_on_mqtt_the_hub_and_the_api_and_people_can_act_on_it()
    {
        await using var subscriber = await host.ConnectSensorAsync();
        await subscriber.SubscribeAsync($"campwater/{Camp}/alerts/#", cancellationToken: Ct);
        var hubAlerts = new List<Alert>();
        await using var hub = new HubConnectionBuilder()
            .WithUrl(host.BaseUrl + "/hubs/live")
            .AddJsonProtocol(o => o.PayloadSerializerOptions = host.Json)
            .Build();
        hub.On<Alert>("alertChanged", a => { lock (hubAlerts) { hubAlerts.Add(a); } });
        await hub.StartAsync(Ct);
        await hub.InvokeAsync("Watch", Camp, Ct);

        await using var sensor = await host.ConnectSensorAsync();
        // A sudden jump of the level counts once the next reading confirms it: each new level is read twice.
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-6);
        await sensor.PublishStringAsync($"campwater/{Camp}/tanks/low/level", Reading(t0, 40), cancellationToken: Ct);
        await sensor.PublishStringAsync($"campwater/{Camp}/tanks/low/level", Reading(t0.AddMinutes(1), 24.9), cancellationToken: Ct);
        var published = DateTime.UtcNow;
        await sensor.PublishStringAsync($"campwater/{Camp}/tanks/low/level", Reading(t0.AddMinutes(2), 24.9), cancellationToken: Ct);

        var onMqtt = await subscriber.WaitForAsync(m => m.PayloadText.Contains("\"low-level\"", StringComparison.Ordinal), TimeSpan.FromSeconds(5), Ct);
        var raised = onMqtt.Deserialize<Alert>(host.Json)!;
        Assert.Equal(AlertKind.LowLevel, raised.Kind);
        Assert.Equal(AlertSeverity.Warning, raised.Severity);
        Assert.Equal(AlertState.Active, raised.State);
        Assert.Equal("low", raised.TankId);
        Assert.Equal($"campwater/{Camp}/alerts/{raised.Id}", onMqtt.Topic);

        var listed = await host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}");
        Assert.True(DateTime.UtcNow - published < TimeSpan.FromSeconds(5));
        Assert.Contains(listed, a => a.Id == raised.Id && a.State == AlertState.Active);
        await Eventually.HoldsAsync(() => Task.FromResult(HubHas(hubAlerts, raised.Id, AlertState.Active)), TimeSpan.FromSeconds(5), "alertChanged on the hub");

        // Below the 10 % critical threshold the same alert turns critical.
        await sensor.PublishStringAsync($"campwater/{Camp}/tanks/low/level", Reading(t0.AddMinutes(3), 8), cancellationToken: Ct);
        await sensor.PublishStringAsync($"campwater/{Camp}/tanks/low/level", Reading(t0.AddMinutes(4), 8), cancellationToken: Ct);
        var critical = await Eventually.ValueAsync(
            () => host.GetAsync<Alert>($"/api/alerts/{raised.Id}"), a => a.Severity == AlertSeverity.Critical, TimeSpan.FromSeconds(5), "critical severity");
        Assert.Equal(raised.Id, critical.Id);

        var ack = await host.Http.PostAsync($"/api/alerts/{raised.Id}/acknowledge", Json("""{"note":"on my way"}"""), Ct);
        ack.EnsureSuccessStatusCode();
        var acknowledged = (await ack.Content.ReadFromJsonAsync<Alert>(host.Json, Ct))!;
        Assert.Equal(AlertState.Acknowledged, acknowledged.State);
        Assert.Equal("anonymous", acknowledged.AcknowledgedBy);

        var again = await host.Http.PostAsync($"/api/alerts/{raised.Id}/acknowledge", Json("{}"), Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        (await host.Http.PostAsync($"/api/alerts/{raised.Id}/assign", Json("""{"assignee":"Amina"}"""), Ct)).EnsureSuccessStatusCode();
        (await host.Http.PostAsync($"/api/alerts/{raised.Id}/comments", Json("""{"text":"Truck ordered for 14:00"}"""), Ct)).EnsureSuccessStatusCode();
        var resolve = await host.Http.PostAsync($"/api/alerts/{raised.Id}/resolve", Json("""{"note":"refilled"}"""), Ct);
        resolve.EnsureSuccessStatusCode();
        var resolved = (await resolve.Content.ReadFromJsonAsync<Alert>(host.Json, Ct))!;
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal("Amina", resolved.Assignee);
        Assert.Contains(resolved.Comments, c => c.Text == "Truck ordered for 14:00" && c.By == "anonymous");

        var missingAssignee = await host.Http.PostAsync($"/api/alerts/{raised.Id}/assign", Json("{}"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, missingAssignee.StatusCode);

        await subscriber.WaitForAsync(m => m.Topic.EndsWith(raised.Id, StringComparison.Ordinal) && m.PayloadText.Contains("\"resolved\"", StringComparison.Ordinal), TimeSpan.FromSeconds(5), Ct);
        Assert.DoesNotContain(await host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}"), a => a.Id == raised.Id);
        Assert.Contains(await host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}&state=resolved"), a => a.Id == raised.Id);

        // The condition still holds after the manual resolve: the next reading opens a new alert.
        await sensor.PublishStringAsync($"campwater/{Camp}/tanks/low/level", Reading(t0.AddMinutes(5), 7.5), cancellationToken: Ct);
        var reopened = await Eventually.ValueAsync(
            () => host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}"), l => l.Any(a => a.Kind == AlertKind.LowLevel), TimeSpan.FromSeconds(5), "a new low-level alert");
        Assert.NotEqual(raised.Id, reopened.Single(a => a.Kind == AlertKind.LowLevel).Id);
    }

    [Fact]
    public async Task A_tank_with_offlineAfterMin_1_is_flagged_offline_within_90_s_of_its_last_reading_and_back_online_with_the_next()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var last = DateTimeOffset.UtcNow.AddSeconds(-30);
        await sensor.PublishStringAsync($"campwater/{Camp}/tanks/quiet/level", Reading(last, 60), cancellationToken: Ct);

        var offline = await Eventually.ValueAsync(
            () => host.GetAsync<Alert[]>($"/api/alerts?campId={Camp}"),
            l => l.Any(a => a.Kind == AlertKind.SensorOffline && a.TankId == "quiet"),
            TimeSpan.FromSeconds(90), "sensor-offline");
        var alert = offline.Single(a => a.Kind == AlertKind.SensorOffline && a.TankId == "quiet");
        Assert.True(alert.RaisedAt - last <= TimeSpan.FromSeconds(90), $"raised {(alert.RaisedAt - last).TotalSeconds:0} s after the last reading");
        Assert.True(alert.RaisedAt - last >= TimeSpan.FromSeconds(60), "not before a minute of silence");
        Assert.Equal(AlertSeverity.Warning, alert.Severity);

        await sensor.PublishStringAsync($"campwater/{Camp}/tanks/quiet/level", Reading(DateTimeOffset.UtcNow, 59), cancellationToken: Ct);
        var back = await Eventually.ValueAsync(
            () => host.GetAsync<Alert>($"/api/alerts/{alert.Id}"), a => a.State == AlertState.Resolved, TimeSpan.FromSeconds(5), "the offline alert to resolve");
        Assert.Equal("system", back.ResolvedBy);
    }

    private static bool HubHas(List<Alert> alerts, string id, AlertState state)
    {
        lock (alerts)
        {
            return alerts.Any(a => a.Id == id && a.State == state);
        }
    }
}
