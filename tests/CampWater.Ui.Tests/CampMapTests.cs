using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>The camp map of the demo camps: every tank and water point of the registry file, where its coordinates put it.</summary>
[Collection(UiCollection.Name)]
public sealed class CampMapTests(UiHostFixture ui, DemoHostFixture demo) : IClassFixture<DemoHostFixture>
{
    private const double M_PER_DEG_LAT = 110_574;
    private const double M_PER_DEG_LON = 111_320;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Item(string Key, string Href, double Lat, double Lon);

    /// <summary>Every tank and point of a demo camp, with its location, as the registry file gives them.</summary>
    private List<Item> ItemsOf(string campId)
    {
        var camp = demo.Registry.GetProperty("camps").EnumerateArray().Single(c => c.GetProperty("id").GetString() == campId);
        var items = new List<Item>();
        foreach (var (array, kind, path) in new[] { ("tanks", "tank", "tanks"), ("points", "point", "points") })
        {
            foreach (var e in camp.GetProperty(array).EnumerateArray())
            {
                var id = e.GetProperty("id").GetString()!;
                var at = e.GetProperty("location");
                items.Add(new Item($"{kind}:{id}", $"#/camps/{campId}/{path}/{id}", at.GetProperty("lat").GetDouble(), at.GetProperty("lon").GetDouble()));
            }
        }

        return items;
    }

    private async Task<IBrowserContext> ContextAsync(int width, int height) =>
        await ui.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = demo.BaseUrl,
            Locale = "en-GB",
            TimezoneId = "Asia/Damascus",
        });

    [Theory]
    [InlineData("atmeh-3", 1280, 900)]
    [InlineData("atmeh-3", 360, 740)]
    [InlineData("kutupalong-c12", 1280, 900)]
    public async Task The_map_shows_every_tank_and_water_point_of_the_demo_camp_at_its_place_north_up_and_to_one_scale(string campId, int width, int height)
    {
        var items = ItemsOf(campId);
        await using var context = await ContextAsync(width, height);
        var watch = new PageWatch(context, demo.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{campId}/map");
        await Expect(page.Locator("svg.camp-map .map-item")).ToHaveCountAsync(items.Count, new() { Timeout = 15_000 });

        // Where each marker is drawn, in page pixels, against metres east and south of the camp's north-west corner.
        var lat0 = (items.Max(i => i.Lat) + items.Min(i => i.Lat)) / 2;
        var north = items.Max(i => i.Lat);
        var west = items.Min(i => i.Lon);
        var drawn = new List<(Item Item, double X, double Y, double East, double South)>();
        foreach (var item in items)
        {
            var link = page.Locator($"svg.camp-map [data-item=\"{item.Key}\"]");
            Assert.Equal(item.Href, await link.GetAttributeAsync("href"));
            var box = (await link.Locator(".map-marker").BoundingBoxAsync())!;
            drawn.Add((item, box.X + box.Width / 2, box.Y + box.Height / 2,
                (item.Lon - west) * Math.Cos(lat0 * Math.PI / 180) * M_PER_DEG_LON, (north - item.Lat) * M_PER_DEG_LAT));
        }

        // One scale for both axes, north up: x = x0 + k·east and y = y0 + k·south, fitted, with every item within 1.5 px.
        var k = Scale(drawn);
        var x0 = drawn.Average(d => d.X - k * d.East);
        var y0 = drawn.Average(d => d.Y - k * d.South);
        Assert.True(k > 0, "a metre east is to the right and a metre south is down");
        foreach (var d in drawn)
        {
            Assert.True(Math.Abs(x0 + k * d.East - d.X) < 1.5 && Math.Abs(y0 + k * d.South - d.Y) < 1.5,
                $"{d.Item.Key} is drawn at ({d.X:0.0}, {d.Y:0.0}), its coordinates put it at ({x0 + k * d.East:0.0}, {y0 + k * d.South:0.0})");
        }

        if (width < 400)
        {
            // Too crowded to read at a phone's width, the plan is drawn larger and opens on its middle, to be swiped.
            var scroll = await page.Locator(".map-scroll").EvaluateAsync<int[]>("e => [Math.round(e.scrollLeft), e.scrollWidth, e.clientWidth]");
            var (scrollLeft, scrollWidth, clientWidth) = (scroll[0], scroll[1], scroll[2]);
            Assert.True(scrollWidth > clientWidth, $"the plan is {scrollWidth} px wide on a {clientWidth} px screen");
            Assert.InRange(scrollLeft, (scrollWidth - clientWidth) / 2 - 2, (scrollWidth - clientWidth) / 2 + 2);
            await Expect(page.Locator("figure.map-card figcaption")).ToContainTextAsync("swipe sideways");
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{campId} at {width} px: {items.Count} items, {k:0.000} px per metre");
        var file = Path.Combine(ui.ScreenshotDirectory, $"map-{campId}-{width}.png");
        Directory.CreateDirectory(ui.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        Assert.Empty(watch.Foreign());
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task A_tank_below_its_critical_level_and_a_point_with_no_working_tap_are_drawn_critical_and_the_others_keep_their_states()
    {
        await using (var sensor = await demo.ConnectSensorAsync())
        {
            // A sudden change of level is held for one reading until the next confirms it: each is read twice.
            foreach (var minutesAgo in new[] { 2, 1 })
            {
                await sensor.PublishStringAsync("campwater/atmeh-3/tanks/t2/level", Readings.Level(DateTimeOffset.UtcNow.AddMinutes(-minutesAgo), 6), cancellationToken: Ct);
                await sensor.PublishStringAsync("campwater/atmeh-3/tanks/t3/level", Readings.Level(DateTimeOffset.UtcNow.AddMinutes(-minutesAgo), 60), cancellationToken: Ct);
            }
        }

        using var api = demo.Api();
        (await api.PostAsync("/api/camps/atmeh-3/points/p5/status", new StringContent("""{"usableTaps":0}""", Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
        (await api.PostAsync("/api/camps/atmeh-3/points/p4/status", new StringContent("""{"usableTaps":2}""", Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
        await using var context = await ContextAsync(1280, 900);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/camps/atmeh-3/map");

        await Expect(page.Locator("[data-item=\"tank:t2\"]")).ToHaveAttributeAsync("data-tank-state", "critical", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-item=\"tank:t3\"]")).ToHaveAttributeAsync("data-tank-state", "ok");
        await Expect(page.Locator("[data-item=\"point:p5\"]")).ToHaveAttributeAsync("data-tank-state", "critical");
        await Expect(page.Locator("[data-item=\"point:p4\"]")).ToHaveAttributeAsync("data-tank-state", "low");
        await Expect(page.Locator("[data-item=\"point:p1\"]")).ToHaveAttributeAsync("data-tank-state", "ok");
        Assert.Contains("No tap works", await page.Locator("[data-item=\"point:p5\"]").GetAttributeAsync("aria-label"));
        Assert.Contains("2 of 4 taps", await page.Locator("[data-item=\"point:p4\"]").GetAttributeAsync("aria-label"));

        await page.Locator("[data-item=\"point:p5\"]").ClickAsync();
        await page.WaitForURLAsync("**/#/camps/atmeh-3/points/p5");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Clinic taps");
        await Expect(page.Locator("main")).ToContainTextAsync("0 of 2 taps work");
    }

    /// <summary>The least-squares scale of a fit of page pixels to metres, one for both axes (each axis with its own offset).</summary>
    private static double Scale(List<(Item Item, double X, double Y, double East, double South)> drawn)
    {
        double Slope(IEnumerable<(double M, double P)> pairs)
        {
            var list = pairs.ToList();
            var mm = list.Average(p => p.M);
            var pp = list.Average(p => p.P);
            return (list.Sum(p => (p.M - mm) * (p.P - pp)), list.Sum(p => (p.M - mm) * (p.M - mm))) is var (num, den) && den > 0 ? num / den : 0;
        }

        var kx = Slope(drawn.Select(d => (d.East, d.X)));
        var ky = Slope(drawn.Select(d => (d.South, d.Y)));
        Assert.InRange(ky / kx, 0.99, 1.01); // the same scale north–south as east–west
        return (kx + ky) / 2;
    }
}
