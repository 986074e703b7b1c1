using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// A phone that walks out of the network: the inbox opened once shows its alerts again after a reload with no
/// network, an acknowledgement made offline reaches the server in that person's name when the network is back,
/// and an action on an alert someone else resolved meanwhile is shown to the person as refused, with who resolved it; a
/// truck voucher saved offline goes the same way.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class OfflineTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_inbox_reloaded_offline_shows_its_alerts_and_an_acknowledgement_made_offline_is_fatimas_on_the_server_once_back_online()
    {
        var alertId = await RaiseAsync("sw-ack");
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var page = await OpenInboxAsync(context, alertId);

        await context.SetOfflineAsync(true);
        await page.ReloadAsync();
        var card = page.Locator($"[data-alert-id=\"{alertId}\"]");
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("#stale-notice")).ToContainTextAsync("Offline — showing data from", new() { Timeout = 10_000 });

        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(card.Locator(".alert-pending")).ToContainTextAsync("Waiting for the network: acknowledge");
        Assert.Equal("active", (await AlertAsync(alertId)).GetProperty("state").GetString());

        // Reloaded again with no network, the acknowledgement still shows, still waiting.
        await page.ReloadAsync();
        await Expect(card.Locator(".alert-pending")).ToContainTextAsync("Waiting for the network: acknowledge", new() { Timeout = 15_000 });
        await Expect(card.Locator(".alert-state")).ToContainTextAsync("Acknowledged by fatima");

        await context.SetOfflineAsync(false);
        var sent = await Eventually.ValueAsync(() => AlertAsync(alertId), a => a.GetProperty("state").GetString() == "acknowledged",
            TimeSpan.FromSeconds(40), "the acknowledgement made offline, sent once back online");
        Assert.Equal("fatima", sent.GetProperty("acknowledgedBy").GetString());
        await Expect(card.Locator(".alert-pending")).ToBeHiddenAsync(new() { Timeout = 15_000 });
    }

    [Fact]
    public async Task An_acknowledgement_made_offline_on_an_alert_resolved_meanwhile_is_shown_refused_with_who_resolved_it()
    {
        var alertId = await RaiseAsync("sw-gone");
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var page = await OpenInboxAsync(context, alertId);

        await context.SetOfflineAsync(true);
        var card = page.Locator($"[data-alert-id=\"{alertId}\"]");
        await card.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(card.Locator(".alert-pending")).ToContainTextAsync("Waiting for the network");

        using (var api = host.Api(UiUsers.EngineerToken))
        {
            (await api.PostAsync($"/api/alerts/{alertId}/resolve", new StringContent("{}", Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
        }

        await context.SetOfflineAsync(false);
        await Expect(page.Locator("#outbox")).ToContainTextAsync($"Not done: acknowledge — already resolved by {UiUsers.EngineerClientName}", new() { Timeout = 40_000 });
        var alert = await AlertAsync(alertId);
        Assert.Equal("resolved", alert.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("acknowledgedBy").ValueKind);
    }

    [Fact]
    public async Task A_water_test_of_0_15_mg_per_litre_saved_offline_is_sent_by_fatima_once_the_page_is_closed_and_opened_again_online()
    {
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{UiRegistry.CampId}/field");
        var form = page.Locator("form[data-form=\"quality\"]");
        await Expect(form).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-offline-ready", "true", new() { Timeout = 15_000 });

        await context.SetOfflineAsync(true);
        await form.GetByLabel("Where was the water taken?").SelectOptionAsync(new SelectOptionValue { Label = "Tank sw-gone" });
        await form.GetByLabel("Free chlorine", new() { Exact = true }).FillAsync("0.15");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save test" }).ClickAsync();
        await Expect(form.Locator(".form-saved")).ToHaveTextAsync("Saved on this phone: it is sent when the network is back.");
        await page.CloseAsync();
        Assert.DoesNotContain(await TestsAtAsync("sw-gone"), t => t.GetProperty("frcMgL").GetDouble() == 0.15);

        await context.SetOfflineAsync(false);
        var again = await context.NewPageAsync();
        await again.GotoAsync("/#/alerts");
        var tests = await Eventually.ValueAsync(() => TestsAtAsync("sw-gone"), list => list.Any(t => t.GetProperty("frcMgL").GetDouble() == 0.15),
            TimeSpan.FromSeconds(30), "the water test saved offline");
        var test = tests.Single(t => t.GetProperty("frcMgL").GetDouble() == 0.15);
        Assert.Equal("fatima", test.GetProperty("by").GetString());
        Assert.Equal("field", test.GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_voucher_of_4500_L_saved_offline_reaches_the_server_in_fatimas_name_once_back_online_and_one_whose_number_was_entered_meanwhile_is_shown_refused()
    {
        const string contractor = "Atmeh Water Co";
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{UiRegistry.CampId}/voucher/sw-truck");
        var form = page.Locator("form.field-form");
        await Expect(form).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator(".voucher-list")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-offline-ready", "true", new() { Timeout = 15_000 });

        await context.SetOfflineAsync(true);
        foreach (var (number, litres) in new[] { ("OFF-7", "4500"), ("OFF-8", "2000") })
        {
            await form.GetByLabel("Litres on the voucher (L)").FillAsync(litres);
            await form.GetByLabel("Contractor").FillAsync(contractor);
            await form.GetByLabel("Truck (plate or number)").FillAsync("SY 1209");
            await form.GetByLabel("Voucher number").FillAsync(number);
            await form.GetByRole(AriaRole.Button, new() { Name = "Save voucher" }).ClickAsync();
            await Expect(form.Locator(".form-saved")).ToContainTextAsync($"Voucher {number} (");
            await Expect(page.Locator(".voucher-item[data-status=\"queued\"]", new() { HasText = number })).ToContainTextAsync("Not sent yet");
        }

        await Expect(form.Locator(".form-saved")).ToHaveTextAsync("Voucher OFF-8 (2,000 L) saved on this phone: it is sent when the network is back.");
        await page.CloseAsync();
        Assert.DoesNotContain(await VouchersAtAsync("sw-truck"), v => v.GetProperty("voucherNo").GetString() == "OFF-7");

        // Meanwhile the office entered the paper voucher OFF-8 itself.
        using (var api = host.Api(UiUsers.EngineerToken))
        {
            var office = new { tankId = "sw-truck", deliveredAt = DateTimeOffset.UtcNow.AddMinutes(-10), litres = 2000, contractor, truck = "SY 1209", voucherNo = "OFF-8" };
            (await api.PostAsJsonAsync($"/api/camps/{UiRegistry.CampId}/vouchers", office, Ct)).EnsureSuccessStatusCode();
        }

        await context.SetOfflineAsync(false);
        var again = await context.NewPageAsync();
        await again.GotoAsync($"/#/camps/{UiRegistry.CampId}/voucher/sw-truck");
        var vouchers = await Eventually.ValueAsync(() => VouchersAtAsync("sw-truck"), list => list.Any(v => v.GetProperty("voucherNo").GetString() == "OFF-7"),
            TimeSpan.FromSeconds(30), "the voucher saved offline");
        var sent = vouchers.Single(v => v.GetProperty("voucherNo").GetString() == "OFF-7");
        Assert.Equal(("fatima", 4500.0, contractor), (sent.GetProperty("by").GetString(), sent.GetProperty("litres").GetDouble(), sent.GetProperty("contractor").GetString()));
        Assert.Equal(UiUsers.EngineerClientName, vouchers.Single(v => v.GetProperty("voucherNo").GetString() == "OFF-8").GetProperty("by").GetString());
        await Expect(again.Locator("#outbox")).ToContainTextAsync($"Not done: truck voucher — {contractor} already has voucher OFF-8", new() { Timeout = 30_000 });
        await Expect(again.Locator(".voucher-item", new() { HasText = "OFF-7" })).ToHaveAttributeAsync("data-status", "pending", new() { Timeout = 20_000 });
    }

    private async Task<JsonElement[]> VouchersAtAsync(string tankId)
    {
        using var api = host.Api(UiUsers.ViewerToken);
        return [.. (await api.GetFromJsonAsync<JsonElement[]>($"/api/camps/{UiRegistry.CampId}/vouchers", Ct))!
            .Where(v => v.GetProperty("tankId").GetString() == tankId)];
    }

    private async Task<JsonElement[]> TestsAtAsync(string tankId)
    {
        using var api = host.Api(UiUsers.ViewerToken);
        return [.. (await api.GetFromJsonAsync<JsonElement[]>($"/api/camps/{UiRegistry.CampId}/quality", Ct))!
            .Where(t => t.GetProperty("tankId").GetString() == tankId)];
    }

    [Fact]
    public async Task A_comment_typed_and_not_sent_is_still_there_after_the_page_is_closed_and_opened_again()
    {
        var alertId = await RaiseAsync("sw-ack");
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var page = await OpenInboxAsync(context, alertId);
        var card = page.Locator($"[data-alert-id=\"{alertId}\"]");
        await card.GetByRole(AriaRole.Button, new() { Name = "Comment" }).ClickAsync();
        await card.Locator(".alert-form input").PressSequentiallyAsync("Truck ordered for 14:00");
        await page.CloseAsync();

        var again = await OpenInboxAsync(context, alertId);
        var cardAgain = again.Locator($"[data-alert-id=\"{alertId}\"]");
        await cardAgain.GetByRole(AriaRole.Button, new() { Name = "Comment" }).ClickAsync();
        await Expect(cardAgain.Locator(".alert-form input")).ToHaveValueAsync("Truck ordered for 14:00");
    }

    /// <summary>The inbox opened with the network, its alert shown, and the service worker keeping what it read.</summary>
    private static async Task<IPage> OpenInboxAsync(IBrowserContext context, string alertId)
    {
        var page = await context.NewPageAsync();
        var output = TestContext.Current.TestOutputHelper!;
        page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");
        page.RequestFailed += (_, request) => output.WriteLine($"failed: {request.Method} {request.Url} {request.Failure}");
        await page.GotoAsync("/#/alerts");
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        await Expect(page.Locator($"[data-alert-id=\"{alertId}\"]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-offline-ready", "true", new() { Timeout = 15_000 });
        return page;
    }

    private async Task<JsonElement> AlertAsync(string alertId)
    {
        using var api = host.Api(UiUsers.ViewerToken);
        return await api.GetFromJsonAsync<JsonElement>($"/api/alerts/{alertId}", Ct);
    }

    /// <summary>A critical low level at the tank; its alert's id.</summary>
    private async Task<string> RaiseAsync(string tankId)
    {
        await using var sensor = await host.ConnectSensorAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-3);
        await sensor.PublishStringAsync(Readings.Topic(tankId), Readings.Level(t0, 40), cancellationToken: Ct);
        // The sudden fall to 6 % is held for one reading until the next confirms it: it is read twice.
        await sensor.PublishStringAsync(Readings.Topic(tankId), Readings.Level(t0.AddMinutes(1), 6), cancellationToken: Ct);
        await sensor.PublishStringAsync(Readings.Topic(tankId), Readings.Level(t0.AddMinutes(2), 6), cancellationToken: Ct);
        using var api = host.Api(UiUsers.ViewerToken);
        var alert = await Eventually.ValueAsync(
            async () => (await api.GetFromJsonAsync<JsonElement[]>($"/api/alerts?campId={UiRegistry.CampId}", Ct))!
                .FirstOrDefault(a => a.GetProperty("tankId").GetString() == tankId),
            a => a.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(10), $"the low-level alert of tank {tankId}");
        return alert.GetProperty("id").GetString()!;
    }
}
