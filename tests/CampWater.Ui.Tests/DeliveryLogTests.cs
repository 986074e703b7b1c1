using System.Globalization;
using System.Net.Http.Json;
using CampWater.Alerts;
using CampWater.Dashboard.Hosting;
using CampWater.Silo.Hosting;
using CampWater.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// The delivery log on the alert card: with notifications on (a webhook that answers 200, an SMS gateway
/// that answers 500), the critical alert on Elevated tank B says "webhook to ops … ✓" and "SMS to amina …
/// retrying", at camp-local times. Sign-in off, so the page is read as anyone.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class DeliveryLogTests(UiHostFixture ui) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private WebApplication? _app;
    private HttpReceiver _webhook = null!;
    private HttpReceiver _gateway = null!;
    private string _baseUrl = "";
    private int _brokerPort;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _webhook = await HttpReceiver.StartAsync();
        _gateway = await HttpReceiver.StartAsync();
        _gateway.Answer = (_, _) => 500;
        var registry = Path.Combine(_dir.Path, "camps.json");
        await File.WriteAllTextAsync(registry, UiRegistry.Json);
        _baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        _brokerPort = FreePort.Next();
        _app = CampWaterHost.Build(
        [
            "--environment", "Production",
            "--Urls", _baseUrl,
            "--CampWater:Registry", registry,
            "--CampWater:Auth:Enabled", "false",
            "--CampWater:Mqtt:Embedded:Port", _brokerPort.ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",
            "--CampWater:Notify:People:0:Name", "amina",
            "--CampWater:Notify:People:0:Phone", "+962791234567",
            "--CampWater:Notify:Channels:0:Name", "sms",
            "--CampWater:Notify:Channels:0:Kind", "sms",
            "--CampWater:Notify:Channels:0:Url", _gateway.Url + "/message",
            "--CampWater:Notify:Channels:1:Name", "ops",
            "--CampWater:Notify:Channels:1:Kind", "webhook",
            "--CampWater:Notify:Channels:1:Url", _webhook.Url + "/hook",
            "--CampWater:Notify:Channels:1:Secret", "ui-test-secret-0123456789",
            "--CampWater:Notify:Rules:0:Notify:0", "amina",
            "--CampWater:Notify:Rules:0:Notify:1", "ops",
        ]);
        await _app.StartAsync();
        await UiHost.WaitUntilReadyAsync(_baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await _webhook.DisposeAsync();
        await _gateway.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task The_card_of_a_critical_alert_shows_webhook_to_ops_sent_and_sms_to_amina_retrying_at_camp_local_times()
    {
        await using (var sensor = await MqttTestClient.ConnectAsync("127.0.0.1", _brokerPort, cancellationToken: Ct))
        {
            var t0 = DateTimeOffset.UtcNow.AddSeconds(-30);
            foreach (var (at, pct) in new[] { (t0, 40.0), (t0.AddSeconds(10), 5.0), (t0.AddSeconds(20), 5.0) })
            {
                await sensor.PublishStringAsync(Readings.Topic("b7"), Readings.Level(at, pct), cancellationToken: Ct);
            }
        }

        using var api = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        var alert = (await Eventually.ValueAsync(
            async () => await api.GetFromJsonAsync<Alert[]>($"/api/alerts?campId={UiRegistry.CampId}", CampWaterJson.Options, Ct) ?? [],
            a => a.Any(x => x.TankId == "b7"), TimeSpan.FromSeconds(15), "the alert on b7")).First(a => a.TankId == "b7");
        await Eventually.HoldsAsync(() => Task.FromResult(_gateway.Received.Count >= 2 && _webhook.Received.Count >= 1), TimeSpan.FromSeconds(15), "the webhook and 2 SMS attempts");

        await using var context = await ui.Browser.NewContextAsync(new() { BaseURL = _baseUrl, ViewportSize = new() { Width = 360, Height = 740 }, TimezoneId = "Europe/London" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync("/#/alerts");
        var card = page.Locator($".alert-card[data-alert-id='{alert.Id}']");
        var log = card.Locator(".alert-deliveries");
        await Expect(log).ToBeVisibleAsync(new() { Timeout = 10_000 });

        // Camp Zaatari 5 is in Asia/Amman; the browser is in London: the times are the camp's.
        var raised = TimeZoneInfo.ConvertTime(alert.RaisedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Amman"));
        await Expect(log).ToContainTextAsync($"webhook to ops {raised:HH}:", new() { Timeout = 5_000 });
        await Expect(log).ToContainTextAsync(" ✓");
        await Expect(log).ToContainTextAsync("SMS to amina");
        await Expect(log.Locator(".delivery[data-status='retrying']")).ToContainTextAsync("retrying");
        await Expect(log.Locator(".delivery[data-status='sent']")).ToHaveCountAsync(1);
        Directory.CreateDirectory(ui.ScreenshotDirectory);
        await card.ScreenshotAsync(new() { Path = Path.Combine(ui.ScreenshotDirectory, "delivery-log-360.png") });
        Assert.Empty(errors);
    }
}
