using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CampWater.Dashboard.Hosting;
using CampWater.Silo.Hosting;
using CampWater.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace CampWater.Ui;

/// <summary>
/// A CampWater host in this process on free ports with sign-in on (one user per role, two tokens),
/// fed through a real mosquitto child process, and one headless Chromium (the system's) for the
/// tests' browser contexts.
/// </summary>
public sealed class UiHostFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly TempDirectory _dir = new();
    private MosquittoServer? _mosquitto;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public JsonSerializerOptions Json => CampWaterJson.Options;

    /// <summary>Where the screenshots of each view go (printed by the screenshot test).</summary>
    public string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new ServerBinaryNotFoundException("chromium", "chromium", [Chromium]);
        }

        _mosquitto = await MosquittoServer.StartAsync(new MosquittoOptions { MaxQueuedMessages = 100_000 });
        (_app, BaseUrl) = await UiHost.StartAsync(_dir.Path,
        [
            "--CampWater:Mqtt:ClientId", "campwater-ui-" + Guid.NewGuid().ToString("N")[..8],
            "--CampWater:Mqtt:Host", _mosquitto.Host,
            "--CampWater:Mqtt:Port", _mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            // The tests sign in often, all from this machine; the per-address limit has tests of its own.
            "--CampWater:Auth:Throttle:AttemptsPerAddressPerMinute", "100000",
            .. UiUsers.Arguments(),
        ]);
        await UiHost.WaitUntilReadyAsync(BaseUrl);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }

        _dir.Dispose();
    }

    public Task<MqttTestClient> ConnectSensorAsync() => MqttTestClient.ConnectAsync(_mosquitto!.Host, _mosquitto.Port);

    /// <summary>An HTTP client holding an API token (null: no credentials).</summary>
    public HttpClient Api(string? token = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>Signs in through the log-in form over HTTP and returns the session cookie's value.</summary>
    public async Task<string> SignInCookieAsync(string name, string password = UiUsers.Password)
    {
        using var http = SignInForm.Client(BaseUrl);
        var response = await SignInForm.PostAsync(http, name, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {name} answered {(int)response.StatusCode}.");
        }

        return response.Headers.TryGetValues("Set-Cookie", out var set)
            && set.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith("campwater.auth=", StringComparison.Ordinal)) is { } cookie
            ? cookie["campwater.auth=".Length..]
            : throw new InvalidOperationException($"Signing in as {name} set no session cookie.");
    }

    /// <summary>
    /// A browser context signed in as <paramref name="name"/> (by its cookie, so the first page load is cold), at
    /// <paramref name="width"/> pixels, its clock in <paramref name="timezoneId"/>.
    /// </summary>
    public async Task<IBrowserContext> SignedInContextAsync(string name, int width = 1280, int height = 900, string timezoneId = "Asia/Amman", string locale = "en-GB")
    {
        var context = await NewContextAsync(width, height, timezoneId, locale);
        var cookie = await SignInCookieAsync(name);
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "campwater.auth", Value = cookie, Url = BaseUrl, HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
        return context;
    }

    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, string timezoneId = "Asia/Amman", string locale = "en-GB") =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseUrl,
            Locale = locale,
            TimezoneId = timezoneId,
        });
}
