using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
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
public sealed partial class UiHostFixture : IAsyncLifetime
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
        var registry = Path.Combine(_dir.Path, "camps.json");
        await File.WriteAllTextAsync(registry, UiRegistry.Json);
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        string[] args =
        [
            "--environment", "Production",
            "--Urls", BaseUrl,
            "--CampWater:Registry", registry,
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Mqtt:ClientId", "campwater-ui-" + Guid.NewGuid().ToString("N")[..8],
            "--CampWater:Mqtt:Host", _mosquitto.Host,
            "--CampWater:Mqtt:Port", _mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            "--CampWater:Auth:Enabled", "true",
            "--Logging:LogLevel:Default", "Warning",
            .. UiUsers.Arguments(),
        ];
        _app = CampWaterHost.Build(args);
        await _app.StartAsync();
        using var probe = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        await Eventually.HoldsAsync(async () => (await probe.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the host to be ready");

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
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl) };
        var form = await http.GetStringAsync("/login");
        var field = AntiforgeryField().Match(form);
        var response = await http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [field.Groups[1].Value] = WebUtility.HtmlDecode(field.Groups[2].Value),
            ["name"] = name,
            ["password"] = password,
            ["returnUrl"] = "/",
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {name} answered {(int)response.StatusCode}.");
        }

        return cookies.GetCookies(new Uri(BaseUrl))["campwater.auth"]?.Value
            ?? throw new InvalidOperationException($"Signing in as {name} set no session cookie.");
    }

    /// <summary>
    /// A browser context signed in as <paramref name="name"/> (by its cookie, so the first page load is cold), at
    /// <paramref name="width"/> pixels, its clock in <paramref name="timezoneId"/>.
    /// </summary>
    public async Task<IBrowserContext> SignedInContextAsync(string name, int width = 1280, int height = 900, string timezoneId = "Asia/Amman")
    {
        var context = await NewContextAsync(width, height, timezoneId);
        var cookie = await SignInCookieAsync(name);
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "campwater.auth", Value = cookie, Url = BaseUrl, HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
        return context;
    }

    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900, string timezoneId = "Asia/Amman") =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = BaseUrl,
            Locale = "en-GB",
            TimezoneId = timezoneId,
        });

    [GeneratedRegex("name=\"(__RequestVerificationToken)\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
