using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// The demo's Kutupalong network on the camp page: the hill reservoir above the block tanks it feeds, each with
/// its water today, the metered one marked; the figures labelled by height or by volume; the dated population.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class NetworkViewTests(UiHostFixture ui, DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_camp_page_draws_the_hill_reservoir_above_north_and_south_with_north_metered_at_1500_litres_in_today()
    {
        const string camp = "kutupalong-c12";
        await using (var sensor = await demo.ConnectSensorAsync())
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var (tank, distance) in new[] { ("hill", 1500), ("north", 400), ("south", 400), ("market", 1500) })
            {
                await sensor.PublishStringAsync($"campwater/{camp}/tanks/{tank}/level",
                    string.Create(CultureInfo.InvariantCulture, $$"""{"ts":"{{now.AddMinutes(-2):O}}","distanceMm":{{distance}}}"""), cancellationToken: Ct);
            }

            await sensor.PublishStringAsync($"campwater/{camp}/tanks/north/inflow", $$"""{"ts":"{{now.AddMinutes(-2):O}}","totalL":10000}""", cancellationToken: Ct);
            await sensor.PublishStringAsync($"campwater/{camp}/tanks/north/inflow", $$"""{"ts":"{{now.AddMinutes(-1):O}}","totalL":11500}""", cancellationToken: Ct);
        }

        using var api = demo.Api();
        (await api.PutAsync($"/api/camps/{camp}/population", new StringContent("""{ "from": "2026-11-20", "population": 7000 }""", Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();

        await using var context = await ui.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 1600 }, BaseURL = demo.BaseUrl, Locale = "en-GB", TimezoneId = "Asia/Dhaka",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{camp}");

        var network = page.Locator(".network");
        await Expect(network).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var hill = network.Locator(".network-tank[data-tank-id='hill']");
        await Expect(hill.Locator(".network-tank[data-tank-id='north']")).ToContainTextAsync("in 1,500 L", new() { Timeout = 15_000 });
        await Expect(hill.Locator(".network-tank[data-tank-id='north']")).ToContainTextAsync("metered inlet");
        await Expect(hill.Locator(".network-tank[data-tank-id='south']")).ToBeVisibleAsync();
        await Expect(network.Locator(".network-tree > .network-tank[data-tank-id='market']")).ToBeVisibleAsync();

        // Which fill figure is which: the camp's by volume, each tank's by height with its volume beside it.
        await Expect(page.Locator(".camp-level-text")).ToContainTextAsync("full, by volume");
        var hillTile = page.Locator(".tile", new() { HasText = "Hill reservoir" });
        await Expect(hillTile).ToContainTextAsync("of height");
        await Expect(hillTile).ToContainTextAsync("by volume");

        await page.GotoAsync($"/#/coverage/{camp}");
        await Expect(page.Locator(".page-head")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("population 7,000 from (20 Nov|Nov 20)"), new() { Timeout = 15_000 });
    }
}
