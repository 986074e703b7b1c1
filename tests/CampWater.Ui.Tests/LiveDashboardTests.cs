using System.Net;
using System.Net.Http.Json;
using System.Text;
using CampWater.Alerts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>The dashboard in a real Chromium, fed by readings through a real mosquitto.</summary>
[Collection(UiCollection.Name)]
public sealed class LiveDashboardTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator Tile(IPage page, string tankId) =>
        page.Locator(".tile").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = $"Tank {tankId}", Exact = true }) });

    private static ILocator AlertCard(IPage page, string tankId) =>
        page.Locator(".alert-card[data-kind='low-level']").Filter(new() { HasText = $"Tank {tankId} ·" });

    private static async Task<IPage> OpenLiveAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        await Expect(page.Locator("main .message")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
        return page;
    }

    private async Task<Alert> RaiseLowLevelReadTwiceAsync(string tankId)
    {
        await using var sensor = await host.ConnectSensorAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-2);
        await sensor.PublishStringAsync(Readings.Topic(tankId), Readings.Level(t0, 40), cancellationToken: Ct);
        // A sudden fall is held for one reading until the next confirms it: the new level is read twice.
        await sensor.PublishStringAsync(Readings.Topic(tankId), Readings.Level(t0.AddMinutes(1), 20), cancellationToken: Ct);
        await sensor.PublishStringAsync(Readings.Topic(tankId), Readings.Level(t0.AddMinutes(2), 20), cancellationToken: Ct);
        using var api = host.Api(UiUsers.ViewerToken);
        return await Eventually.ValueAsync(
            async () => (await api.GetFromJsonAsync<Alert[]>($"/api/alerts?campId={UiRegistry.CampId}", host.Json, Ct))!.FirstOrDefault(a => a.TankId == tankId && a.Kind == AlertKind.LowLevel)!,
            a => a is not null, TimeSpan.FromSeconds(10), $"a low-level alert on tank {tankId}");
    }

    [Fact]
    public async Task A_reading_published_over_mqtt_changes_the_tanks_tile_within_2_s_without_a_reload()
    {
        await using var context = await host.SignedInContextAsync("omar");
        var watch = new PageWatch(context, host.BaseUrl);
        var page = await OpenLiveAsync(context, $"/#/camps/{UiRegistry.CampId}");
        var tile = Tile(page, "tile");
        await Expect(tile).ToBeVisibleAsync();
        await page.EvaluateAsync("() => { window.__sameDocument = 42; }");

        await using var sensor = await host.ConnectSensorAsync();
        await sensor.PublishStringAsync(Readings.Topic("tile"), Readings.Level(DateTimeOffset.UtcNow, 47), cancellationToken: Ct);

        await Expect(tile.Locator(".tile-level .big")).ToHaveTextAsync("47%", new() { Timeout = 2_000 });
        await Expect(tile.Locator(".badge")).ToContainTextAsync("OK");
        Assert.Equal(42, await page.EvaluateAsync<int>("() => window.__sameDocument"));
        Assert.Empty(watch.Foreign());
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task An_alert_raised_by_readings_appears_in_the_inbox_and_acknowledging_it_there_shows_in_the_api_and_in_a_second_browser()
    {
        await using var fieldContext = await host.SignedInContextAsync("fatima", 360, 740);
        await using var otherContext = await host.SignedInContextAsync("omar");
        var watch = new PageWatch(fieldContext, host.BaseUrl);
        var phone = await OpenLiveAsync(fieldContext, $"/#/alerts/{UiRegistry.CampId}");
        var desk = await OpenLiveAsync(otherContext, $"/#/alerts/{UiRegistry.CampId}");

        var raised = await RaiseLowLevelReadTwiceAsync("ack");
        var card = AlertCard(phone, "ack");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(card).ToContainTextAsync("Not acknowledged");
        await Expect(AlertCard(desk, "ack")).ToBeVisibleAsync(new() { Timeout = 5_000 });

        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();

        await Expect(card).ToContainTextAsync("Acknowledged by fatima", new() { Timeout = 5_000 });
        using var api = host.Api(UiUsers.ViewerToken);
        var stored = await api.GetFromJsonAsync<Alert>($"/api/alerts/{raised.Id}", host.Json, Ct);
        Assert.Equal(AlertState.Acknowledged, stored!.State);
        Assert.Equal("fatima", stored.AcknowledgedBy);
        await Expect(AlertCard(desk, "ack")).ToContainTextAsync("Acknowledged by fatima", new() { Timeout = 5_000 });
        Assert.Empty(watch.Foreign());
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task A_viewer_sees_no_acknowledge_control_and_the_api_answers_403_while_a_field_user_can_acknowledge()
    {
        await using var viewerContext = await host.SignedInContextAsync("vera", 360, 740);
        await using var fieldContext = await host.SignedInContextAsync("fatima", 360, 740);
        var viewer = await OpenLiveAsync(viewerContext, $"/#/alerts/{UiRegistry.CampId}");
        var field = await OpenLiveAsync(fieldContext, $"/#/alerts/{UiRegistry.CampId}");

        var raised = await RaiseLowLevelReadTwiceAsync("roles");
        await Expect(AlertCard(viewer, "roles")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(AlertCard(field, "roles")).ToBeVisibleAsync(new() { Timeout = 5_000 });
        Assert.Equal(0, await viewer.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).CountAsync());
        Assert.Equal(0, await viewer.Locator(".alert-actions button:visible").CountAsync());
        Assert.Equal(1, await AlertCard(field, "roles").GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).CountAsync());

        var body = new StringContent("{}", Encoding.UTF8, "application/json");
        using var viewerApi = host.Api(UiUsers.ViewerToken);
        var refused = await viewerApi.PostAsync($"/api/alerts/{raised.Id}/acknowledge", body, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var fieldApi = host.Api(UiUsers.FieldToken);
        var accepted = await fieldApi.PostAsync($"/api/alerts/{raised.Id}/acknowledge", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await Expect(AlertCard(viewer, "roles")).ToContainTextAsync($"Acknowledged by {UiUsers.FieldClientName}", new() { Timeout = 5_000 });
    }

    [Fact]
    public async Task After_a_network_loss_the_inbox_says_reconnecting_and_once_back_lists_the_alerts_raised_meanwhile()
    {
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var page = await OpenLiveAsync(context, $"/#/alerts/{UiRegistry.CampId}");

        await context.SetOfflineAsync(true);
        await Expect(page.Locator("#live-status")).ToContainTextAsync("Reconnecting", new() { Timeout = 10_000 });
        await Expect(page.Locator("#stale-notice")).ToBeVisibleAsync();
        await Expect(page.Locator("#stale-notice")).ToContainTextAsync("reconnecting");

        await RaiseLowLevelReadTwiceAsync("offline"); // raised while the phone is off the network
        await Task.Delay(1_000, Ct);
        Assert.Equal(0, await AlertCard(page, "offline").CountAsync());

        await context.SetOfflineAsync(false);
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 30_000 });
        await Expect(AlertCard(page, "offline")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(page.Locator("#stale-notice")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task An_engineer_sees_a_refused_threshold_under_its_field_and_a_valid_change_is_saved()
    {
        await using var context = await host.SignedInContextAsync("omar");
        var page = await OpenLiveAsync(context, $"/#/camps/{UiRegistry.CampId}/tanks/shots");
        var low = page.GetByLabel("Low below");
        await Expect(low).ToHaveValueAsync("25");

        await low.FillAsync("150");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(low).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 5_000 });
        var error = page.Locator(".form-row").Filter(new() { Has = low }).Locator(".field-error");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).Not.ToBeEmptyAsync();

        await low.FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".form-saved")).ToHaveTextAsync("Saved.", new() { Timeout = 5_000 });
        using var api = host.Api(UiUsers.ViewerToken);
        var config = await api.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/camps/{UiRegistry.CampId}/tanks/shots/config", Ct);
        Assert.Equal(30, config.GetProperty("thresholds").GetProperty("lowPct").GetDouble());
        await Expect(low).Not.ToHaveAttributeAsync("aria-invalid", "true");
        var change = page.Locator(".tank-page-changes .change").First;
        await Expect(change).ToContainTextAsync("omar", new() { Timeout = 5_000 });
        await Expect(change).ToContainTextAsync("Low below: 25% → 30%");
    }

    [Fact]
    public async Task A_viewer_reads_a_tanks_configuration_but_cannot_change_it()
    {
        await using var context = await host.SignedInContextAsync("vera");
        var page = await OpenLiveAsync(context, $"/#/camps/{UiRegistry.CampId}/tanks/roles");
        await Expect(page.GetByLabel("Low below")).ToBeDisabledAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).CountAsync());
    }
}
