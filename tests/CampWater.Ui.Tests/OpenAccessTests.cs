using System.Globalization;
using System.Net;
using CampWater.Silo.Hosting;
using CampWater.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>Sign-in off: the page says so in a banner that cannot be missed, and asks for no log-in.</summary>
[Collection(UiCollection.Name)]
public sealed class OpenAccessTests(UiHostFixture ui) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private WebApplication? _app;
    private string _baseUrl = "";

    public async ValueTask InitializeAsync()
    {
        var registry = Path.Combine(_dir.Path, "camps.json");
        await File.WriteAllTextAsync(registry, UiRegistry.Json);
        _baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        _app = CampWaterHost.Build(
        [
            "--environment", "Production",
            "--Urls", _baseUrl,
            "--CampWater:Registry", registry,
            "--CampWater:Auth:Enabled", "false",
            "--CampWater:Mqtt:Embedded:Port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Warning",
        ]);
        await _app.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _dir.Dispose();
    }

    [Fact]
    public async Task With_sign_in_off_every_page_shows_the_open_access_banner_and_anyone_may_act_as_anonymous()
    {
        await using var context = await ui.Browser.NewContextAsync(new() { BaseURL = _baseUrl, ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/alerts");
        var banner = page.Locator("#banner");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Expect(banner).ToContainTextAsync("Open access");
        await Expect(page.Locator("#user")).ToBeHiddenAsync();
        Assert.EndsWith("/#/alerts", page.Url, StringComparison.Ordinal);
        Directory.CreateDirectory(ui.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ui.ScreenshotDirectory, "open-access-360.png") });

        using var http = new HttpClient { BaseAddress = new Uri(_baseUrl) };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/camps", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_baseUrl) }
            .GetAsync("/login", TestContext.Current.CancellationToken)).StatusCode);
    }
}
