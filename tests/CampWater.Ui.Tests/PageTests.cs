using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>What each page costs and loads: the inbox's weight on a cold first load, only the app's own origin, and a screenshot of every view.</summary>
[Collection(UiCollection.Name)]
public sealed class PageTests(UiHostFixture host)
{
    public const int InboxBudgetBytes = 300 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_inbox_first_load_on_a_phone_transfers_at_most_300_KB_and_asks_nothing_outside_the_app()
    {
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var watch = new PageWatch(context, host.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/alerts", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var (bytes, items) = await watch.TransferredAsync();
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"Inbox first load: {items.Count} responses, {bytes:N0} bytes transferred ({bytes / 1024.0:0.0} KB of a {InboxBudgetBytes / 1024} KB budget).");
        foreach (var (url, size) in items.OrderByDescending(i => i.Bytes))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {size,8:N0}  {url}"));
        }

        Assert.True(items.Count > 5, "the page loaded its scripts");
        Assert.InRange(bytes, 1, InboxBudgetBytes);
        Assert.Empty(watch.Foreign());
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task Every_view_at_desktop_and_360_px_loads_only_from_the_app_and_is_saved_as_a_screenshot()
    {
        await FeedShotsTankAsync();
        await RaiseAlertsForTheInboxAsync();
        Directory.CreateDirectory(host.ScreenshotDirectory);
        string[] views =
        [
            "overview=/#/",
            $"camp=/#/camps/{UiRegistry.CampId}",
            $"tank=/#/camps/{UiRegistry.CampId}/tanks/shots",
            "alerts=/#/alerts",
            "coverage=/#/coverage",
            $"camp-coverage=/#/coverage/{UiRegistry.CampId}",
        ];
        var saved = new List<string>();
        foreach (var (width, height) in new[] { (1280, 900), (360, 740) })
        {
            await using var context = await host.SignedInContextAsync("ahmed", width, height);
            var watch = new PageWatch(context, host.BaseUrl);
            var page = await context.NewPageAsync();
            foreach (var view in views)
            {
                var (name, path) = (view[..view.IndexOf('=')], view[(view.IndexOf('=') + 1)..]);
                await page.GotoAsync(path);
                await Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });
                await Expect(page.Locator("main .message")).ToHaveCountAsync(0, new() { Timeout = 15_000 });
                await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
                await page.WaitForTimeoutAsync(300); // charts draw on the next frame
                var file = Path.Combine(host.ScreenshotDirectory, $"{name}-{width}.png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                saved.Add(file);
            }

            Assert.Empty(watch.Foreign());
            Assert.Empty(watch.Errors);
        }

        await using (var anonymous = await host.NewContextAsync(360, 740))
        {
            var page = await anonymous.NewPageAsync();
            // Only until committed: the app may leave for the log-in form before its own load event.
            await page.GotoAsync("/#/alerts", new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForURLAsync("**/login?returnUrl=*", new() { Timeout = 10_000 });
            var file = Path.Combine(host.ScreenshotDirectory, "login-360.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            saved.Add(file);
        }

        TestContext.Current.TestOutputHelper!.WriteLine($"Screenshots: {host.ScreenshotDirectory}");
        Console.WriteLine($"Screenshots of every view: {host.ScreenshotDirectory}");
        Assert.All(saved, f => Assert.True(new FileInfo(f).Length > 5_000, $"{f} is a real picture"));
    }

    [Fact]
    public async Task Signing_in_through_the_form_comes_back_to_the_page_asked_for_and_signing_out_ends_the_session()
    {
        await using var context = await host.NewContextAsync(360, 740);
        var page = await context.NewPageAsync();
        // Only until the page is committed: the app may leave for the log-in form before its own load event, and
        // waiting for that event would then miss the log-in page's.
        await page.GotoAsync("/#/alerts", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForURLAsync("**/login?returnUrl=*", new() { Timeout = 10_000 });

        await page.GetByLabel("Name").FillAsync("fatima");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("do not match");

        await page.GetByLabel("Name").FillAsync("fatima");
        await page.GetByLabel("Password").FillAsync(UiUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/#/alerts", new() { Timeout = 10_000 });
        await Expect(page.Locator("#user")).ToContainTextAsync("fatima");
        await Expect(page.Locator("#banner")).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync("**/login", new() { Timeout = 10_000 });
        var response = await context.APIRequest.GetAsync("/api/camps");
        Assert.Equal(401, response.Status);
    }

    /// <summary>A critical alert nobody has acted on, and a sensor fault that field staff acknowledged, assigned and commented on.</summary>
    private async Task RaiseAlertsForTheInboxAsync()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-3);
        await sensor.PublishStringAsync(Readings.Topic("crit"), Readings.Level(t0, 40), cancellationToken: Ct);
        // The sudden fall to 6 % is held for one reading until the next confirms it: it is read twice.
        await sensor.PublishStringAsync(Readings.Topic("crit"), Readings.Level(t0.AddMinutes(1), 6), cancellationToken: Ct);
        await sensor.PublishStringAsync(Readings.Topic("crit"), Readings.Level(t0.AddMinutes(2), 6), cancellationToken: Ct);
        await sensor.PublishStringAsync(Readings.Topic("fault"), Readings.Level(t0, 60), cancellationToken: Ct);
        await sensor.PublishStringAsync(Readings.Topic("fault"), $$"""{"ts":"{{t0.AddMinutes(1).UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","distanceMm":120}""", cancellationToken: Ct);
        using var api = host.Api(UiUsers.FieldToken);
        var fault = await Eventually.ValueAsync(
            async () => (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<CampWater.Alerts.Alert[]>(api, $"/api/alerts?campId={UiRegistry.CampId}", host.Json, Ct))!
                .FirstOrDefault(a => a.TankId == "fault" && a.Kind == CampWater.Alerts.AlertKind.SensorFault),
            a => a is not null, TimeSpan.FromSeconds(10), "a sensor fault alert");
        static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
        (await api.PostAsync($"/api/alerts/{fault!.Id}/acknowledge", Body("{}"), Ct)).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/alerts/{fault.Id}/assign", Body("""{"assignee":"Amina"}"""), Ct)).EnsureSuccessStatusCode();
        (await api.PostAsync($"/api/alerts/{fault.Id}/comments", Body("""{"text":"Spider web on the sensor, cleaning at 10:00"}"""), Ct)).EnsureSuccessStatusCode();
    }

    /// <summary>Six hours of a tank draining and a refill, so that the tank page's chart has something to show.</summary>
    private async Task FeedShotsTankAsync()
    {
        await using var sensor = await host.ConnectSensorAsync();
        var start = DateTimeOffset.UtcNow.AddHours(-6);
        for (var i = 0; i <= 36; i++)
        {
            var pct = i < 24 ? 85 - (i * 2.2) : 32 + ((i - 24) * 4.5);
            await sensor.PublishStringAsync(Readings.Topic("shots"), Readings.Level(start.AddMinutes(i * 10), Math.Round(pct, 1)), cancellationToken: Ct);
        }
    }
}
