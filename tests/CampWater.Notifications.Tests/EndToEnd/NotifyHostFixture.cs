using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CampWater.Dashboard.Hosting;
using CampWater.Silo.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MQTTnet.Protocol;

namespace CampWater.Notifications.EndToEnd;

/// <summary>
/// A CampWater host in this process fed through a real mosquitto, notifying through real servers: aiosmtpd
/// for email, an HTTP SMS gateway and a webhook receiver in the test. People: Amina (field worker, SMS and
/// email) and the ops webhook at once; Omar (WASH officer) by SMS after <see cref="StepMinutes"/> minutes
/// unacknowledged. The camps' clock is a test clock that starts at the wall clock and moves only by hand.
/// </summary>
public sealed class NotifyHostFixture : IAsyncLifetime
{
    public const string CampId = "north";

    /// <summary>The classes that start a host of their own run one after another: they measure delivery times.</summary>
    public const string Collection = "notify hosts";
    public const string Secret = "north-ops-secret-0123456789";
    public const string AminaPhone = "+963944123456";
    public const string OmarPhone = "+963944000111";
    public const int StepMinutes = 2;

    private static readonly string[] TankIds = ["crit", "esc", "ack", "retry", "flap"];

    private readonly TempDirectory _dir = new();
    private WebApplication? _app;

    public ShiftedTime Time { get; } = new();

    public MosquittoServer Mosquitto { get; private set; } = null!;

    public SmtpServer Smtp { get; private set; } = null!;

    public HttpReceiver Gateway { get; private set; } = null!;

    public HttpReceiver Webhook { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public MqttTestClient Sensor { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Mosquitto = await MosquittoServer.StartAsync(new MosquittoOptions { MaxQueuedMessages = 100_000 });
        Smtp = await SmtpServer.StartAsync();
        Gateway = await HttpReceiver.StartAsync();
        Webhook = await HttpReceiver.StartAsync();
        var registry = Path.Combine(_dir.Path, "camps.json");
        await File.WriteAllTextAsync(registry, RegistryJson);
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        string[] args =
        [
            "--environment", "Production",
            "--Urls", url,
            "--CampWater:Registry", registry,
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Mqtt:Host", Mosquitto.Host,
            "--CampWater:Mqtt:Port", Mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            "--CampWater:Mqtt:ClientId", "campwater-notify-" + Guid.NewGuid().ToString("N")[..8],
            "--Logging:LogLevel:Default", "Warning",
            "--CampWater:Auth:Enabled", "false",
            .. NotifyArgs(Smtp.Host, Smtp.Port, Gateway.Url + "/message", Webhook.Url + "/hook"),
        ];
        _app = CampWaterHost.Build(args, b => b.Services.Replace(ServiceDescriptor.Singleton(new CampClock(Time))));
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.HoldsAsync(async () => (await Http.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the host to be ready");
        Sensor = await MqttTestClient.ConnectAsync(Mosquitto.Host, Mosquitto.Port);
    }

    /// <summary>The notification settings, as command-line keys: the chain of the README, pointed at the test's servers.</summary>
    public static string[] NotifyArgs(string smtpHost, int smtpPort, string gatewayUrl, string webhookUrl) =>
    [
        "--CampWater:Notify:PublicUrl", "https://campwater.example.org",
        "--CampWater:Notify:People:0:Name", "amina",
        "--CampWater:Notify:People:0:Email", "amina@example.org",
        "--CampWater:Notify:People:0:Phone", AminaPhone,
        "--CampWater:Notify:People:1:Name", "omar",
        "--CampWater:Notify:People:1:Phone", OmarPhone,
        "--CampWater:Notify:Channels:0:Name", "email",
        "--CampWater:Notify:Channels:0:Kind", "email",
        "--CampWater:Notify:Channels:0:Smtp:Host", smtpHost,
        "--CampWater:Notify:Channels:0:Smtp:Port", smtpPort.ToString(CultureInfo.InvariantCulture),
        "--CampWater:Notify:Channels:0:Smtp:UseTls", "false",
        "--CampWater:Notify:Channels:0:Smtp:From", "CampWater <alerts@example.org>",
        "--CampWater:Notify:Channels:1:Name", "sms",
        "--CampWater:Notify:Channels:1:Kind", "sms",
        "--CampWater:Notify:Channels:1:Url", gatewayUrl,
        "--CampWater:Notify:Channels:1:Username", "sms",
        "--CampWater:Notify:Channels:1:Password", "gateway-password",
        "--CampWater:Notify:Channels:2:Name", "ops",
        "--CampWater:Notify:Channels:2:Kind", "webhook",
        "--CampWater:Notify:Channels:2:Url", webhookUrl,
        "--CampWater:Notify:Channels:2:Secret", Secret,
        "--CampWater:Notify:Channels:2:TimeoutSeconds", "5",
        "--CampWater:Notify:Rules:0:Notify:0", "amina",
        "--CampWater:Notify:Rules:0:Notify:1", "ops",
        "--CampWater:Notify:Rules:1:Notify:0", "sms:omar",
        "--CampWater:Notify:Rules:1:AfterMinutes", StepMinutes.ToString(CultureInfo.InvariantCulture),
    ];

    public static string RegistryJson => $$"""
        {
          "camps": [{
            "id": "{{CampId}}", "name": "North", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [{{string.Join(",", TankIds.Select(Tank))}}]
          }]
        }
        """;

    private static string Tank(string id) => $$"""
        { "id": "{{id}}", "name": "Tank {{id}}", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 }, "thresholds": { "offlineAfterMin": 240 } }
        """;

    /// <summary>Publishes one level reading (QoS 1) dated <paramref name="ts"/>.</summary>
    public Task PublishAsync(string tankId, DateTimeOffset ts, double levelPct) =>
        Sensor.PublishStringAsync(
            $"campwater/{CampId}/tanks/{tankId}/level",
            string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","levelPct":{{levelPct}}}"""),
            MqttQualityOfServiceLevel.AtLeastOnce,
            cancellationToken: TestContext.Current.CancellationToken);

    public async Task<T> GetAsync<T>(string path) => (await Http.GetFromJsonAsync<T>(path, CampWaterJson.Options, TestContext.Current.CancellationToken))!;

    public Task<Alert[]> AlertsAsync(string tankId) =>
        GetAsync<Alert[]>($"/api/alerts?campId={CampId}&state=all").ContinueWith(t => t.Result.Where(a => a.TankId == tankId).ToArray(), TaskScheduler.Default);

    public Task<DeliveryEntry[]> DeliveriesAsync(string alertId) => GetAsync<DeliveryEntry[]>($"/api/alerts/{Uri.EscapeDataString(alertId)}/notifications");

    /// <summary>The SMS the gateway took for one phone number whose text names <paramref name="tankName"/>.</summary>
    public IReadOnlyList<(ReceivedRequest Request, string Message)> Sms(string phone, string tankName) =>
        [.. Gateway.Received
            .Select(r => (Request: r, Json: JsonDocument.Parse(r.Body).RootElement))
            .Where(x => x.Json.GetProperty("phoneNumbers").EnumerateArray().Any(p => p.GetString() == phone))
            .Select(x => (x.Request, Message: x.Json.GetProperty("message").GetString()!))
            .Where(x => x.Message.Contains(tankName, StringComparison.Ordinal))];

    /// <summary>
    /// A level of 40 %, then <paramref name="pct"/> read twice (the level filter confirms a jump on the next
    /// reading), 10 s apart up to now, so the alert is raised 10 s ago; returns when the first low reading went.
    /// </summary>
    public async Task<DateTimeOffset> DropToAsync(string tankId, double pct)
    {
        var t0 = DateTimeOffset.UtcNow.AddSeconds(-20);
        await PublishAsync(tankId, t0, 40);
        var first = DateTimeOffset.UtcNow;
        await PublishAsync(tankId, t0.AddSeconds(10), pct);
        await PublishAsync(tankId, t0.AddSeconds(20), pct);
        return first;
    }

    public async Task<Alert> OpenAlertAsync(string tankId) =>
        (await Eventually.ValueAsync(() => AlertsAsync(tankId), a => a.Any(x => x.IsOpen), TimeSpan.FromSeconds(15), $"an open alert on {tankId}")).First(a => a.IsOpen);

    /// <summary>The webhook requests about one alert.</summary>
    public IReadOnlyList<ReceivedRequest> Hooks(string alertId) =>
        [.. Webhook.Received.Where(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("alert").GetProperty("id").GetString() == alertId)];

    /// <summary>The /metrics sample, or 0 when it is not there.</summary>
    public async Task<double> MetricAsync(string sample)
    {
        var text = await Http.GetStringAsync("/metrics");
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(sample + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(sample.Length + 1)..], CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (Sensor is not null)
        {
            await Sensor.DisposeAsync();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await Webhook.DisposeAsync();
        await Gateway.DisposeAsync();
        await Smtp.DisposeAsync();
        await Mosquitto.DisposeAsync();
        _dir.Dispose();
    }
}
