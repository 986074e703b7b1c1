using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using CampWater.Alerts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CampWater.Ui;

/// <summary>Sign-in and roles (docs/configuration.md) through HTTP and the live hub, with sign-in on.</summary>
[Collection(UiCollection.Name)]
public sealed partial class AuthApiTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<Alert> RaiseReadingTheLowLevelTwiceAsync(string tankId)
    {
        await using var sensor = await host.ConnectSensorAsync();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-2);
        await sensor.PublishStringAsync(Readings.Topic(tankId, "ui-north"), Readings.Level(t0, 40), cancellationToken: Ct);
        // A sudden fall is held for one reading until the next confirms it: the new level is read twice.
        await sensor.PublishStringAsync(Readings.Topic(tankId, "ui-north"), Readings.Level(t0.AddMinutes(1), 5), cancellationToken: Ct);
        await sensor.PublishStringAsync(Readings.Topic(tankId, "ui-north"), Readings.Level(t0.AddMinutes(2), 5), cancellationToken: Ct);
        using var api = host.Api(UiUsers.ViewerToken);
        return await Eventually.ValueAsync(
            async () => (await api.GetFromJsonAsync<Alert[]>("/api/alerts?campId=ui-north", host.Json, Ct))!.FirstOrDefault(a => a.TankId == tankId && a.Kind == AlertKind.LowLevel && a.State == AlertState.Active)!,
            a => a is not null, TimeSpan.FromSeconds(10), "an active low-level alert");
    }

    [Theory]
    [InlineData("GET", "/api/camps")]
    [InlineData("GET", "/api/camps/ui")]
    [InlineData("GET", "/api/camps/ui/coverage")]
    [InlineData("GET", "/api/camps/ui/coverage.csv")]
    [InlineData("GET", "/api/alerts")]
    [InlineData("POST", "/api/alerts/ui.tile.1/acknowledge")]
    [InlineData("PUT", "/api/camps/ui/tanks/tile")]
    [InlineData("GET", "/metrics")]
    [InlineData("POST", "/hubs/live/negotiate?negotiateVersion=1")]
    public async Task Without_credentials_every_endpoint_answers_401(string method, string path)
    {
        using var api = host.Api();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : Json("{}") };
        var response = await api.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_bearer_token_answers_401_and_a_known_one_reads()
    {
        using var stranger = host.Api("not-a-token-of-this-system-at-all");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.GetAsync("/api/camps", Ct)).StatusCode);
        using var viewer = host.Api(UiUsers.ViewerToken);
        var camps = await viewer.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/camps", Ct);
        // Every camp of UiRegistry; other tests of this host may have added camps through the API meanwhile.
        var registered = System.Text.Json.JsonDocument.Parse(UiRegistry.Json).RootElement.GetProperty("camps").EnumerateArray()
            .Select(c => c.GetProperty("id").GetString()).ToArray();
        Assert.Equal(6, registered.Length); // ui, ui-north, ui-sy, ui-cov, ui-svc, ui-lang
        Assert.Subset(camps!.Select(c => c.GetProperty("campId").GetString()).ToHashSet(), registered.ToHashSet());
    }

    [Fact]
    public async Task A_viewer_gets_403_on_acknowledge_and_a_field_token_acknowledges_with_its_name_recorded_on_the_alert_and_its_comment()
    {
        var alert = await RaiseReadingTheLowLevelTwiceAsync("n2");
        using var viewer = host.Api(UiUsers.ViewerToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/alerts/{alert.Id}/acknowledge", Json("{}"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/alerts/{alert.Id}/comments", Json("""{"text":"x"}"""), Ct)).StatusCode);

        using var field = host.Api(UiUsers.FieldToken);
        var ack = await field.PostAsync($"/api/alerts/{alert.Id}/acknowledge", Json("""{"note":"on my way"}"""), Ct);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal(UiUsers.FieldClientName, (await ack.Content.ReadFromJsonAsync<Alert>(host.Json, Ct))!.AcknowledgedBy);
        var comment = await field.PostAsync($"/api/alerts/{alert.Id}/comments", Json("""{"text":"Valve closed"}"""), Ct);
        var commented = (await comment.Content.ReadFromJsonAsync<Alert>(host.Json, Ct))!;
        Assert.Contains(commented.Comments, c => c.Text == "Valve closed" && c.By == UiUsers.FieldClientName);
        Assert.DoesNotContain(commented.Comments, c => c.By == "anonymous");
        var resolve = await field.PostAsync($"/api/alerts/{alert.Id}/resolve", Json("{}"), Ct);
        Assert.Equal(UiUsers.FieldClientName, (await resolve.Content.ReadFromJsonAsync<Alert>(host.Json, Ct))!.ResolvedBy);
    }

    [Fact]
    public async Task A_signed_in_persons_name_is_recorded_and_a_cookie_write_needs_the_pages_antiforgery_token()
    {
        var alert = await RaiseReadingTheLowLevelTwiceAsync("n3");
        var cookie = await host.SignInCookieAsync("fatima");
        var cookies = new CookieContainer();
        cookies.Add(new Uri(host.BaseUrl), new Cookie("campwater.auth", cookie));
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var browser = new HttpClient(handler) { BaseAddress = new Uri(host.BaseUrl) };

        var forged = await browser.PostAsync($"/api/alerts/{alert.Id}/acknowledge", Json("{}"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var session = await browser.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/session", Ct);
        Assert.Equal("fatima", session.GetProperty("name").GetString());
        Assert.True(session.GetProperty("can").GetProperty("act").GetBoolean());
        Assert.False(session.GetProperty("can").GetProperty("configure").GetBoolean());
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{alert.Id}/acknowledge") { Content = Json("{}") };
        request.Headers.Add(session.GetProperty("antiforgery").GetProperty("header").GetString()!, session.GetProperty("antiforgery").GetProperty("token").GetString());
        var ack = await browser.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("fatima", (await ack.Content.ReadFromJsonAsync<Alert>(host.Json, Ct))!.AcknowledgedBy);
    }

    [Fact]
    public async Task Only_engineers_and_admins_change_tanks_and_only_managers_and_admins_export_coverage()
    {
        const string body = """{"name":"Tank n1","shape":"vertical-cylinder","diameterMm":2000,"heightMm":3000,"sensor":{"mountHeightMm":3300,"blindZoneMm":250}}""";
        using var field = host.Api(UiUsers.FieldToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await field.PutAsync("/api/camps/ui-north/tanks/n1", Json(body), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await field.GetAsync("/api/camps/ui-north/coverage.csv", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await field.GetAsync("/api/camps/ui-north/coverage", Ct)).StatusCode);

        foreach (var (name, put, csv) in new[] { ("omar", HttpStatusCode.OK, HttpStatusCode.Forbidden), ("grace", HttpStatusCode.Forbidden, HttpStatusCode.OK), ("ahmed", HttpStatusCode.OK, HttpStatusCode.OK) })
        {
            using var person = await SignedInClientAsync(name);
            Assert.Equal(put, (await person.PutAsync("/api/camps/ui-north/tanks/n1", Json(body), Ct)).StatusCode);
            var export = await person.GetAsync("/api/camps/ui-north/coverage.csv", Ct);
            Assert.Equal(csv, export.StatusCode);
            if (csv == HttpStatusCode.OK)
            {
                Assert.StartsWith("date,population,drawnL,deliveredL,lpd,targetLpd,met,completeness", await export.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task The_orleans_dashboard_is_for_admins_only()
    {
        using var engineer = await SignedInClientAsync("omar");
        Assert.Equal(HttpStatusCode.Forbidden, (await engineer.GetAsync("/orleans/", Ct)).StatusCode);
        using var admin = await SignedInClientAsync("ahmed");
        var page = await admin.GetAsync("/orleans/", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Orleans", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_the_hub_a_viewer_may_watch_but_is_denied_acknowledge_while_a_field_token_acknowledges()
    {
        var alert = await RaiseReadingTheLowLevelTwiceAsync("n1");
        await using var viewer = Hub(UiUsers.ViewerToken);
        await viewer.StartAsync(Ct);
        await viewer.InvokeAsync("Watch", "ui-north", Ct);
        var denied = await Assert.ThrowsAsync<HubException>(() => viewer.InvokeAsync<Alert>("Acknowledge", alert.Id, null, Ct));
        Assert.Contains("unauthorized", denied.Message, StringComparison.OrdinalIgnoreCase);
        using var api = host.Api(UiUsers.ViewerToken);
        Assert.Equal(AlertState.Active, (await api.GetFromJsonAsync<Alert>($"/api/alerts/{alert.Id}", host.Json, Ct))!.State);

        await using var field = Hub(UiUsers.FieldToken);
        await field.StartAsync(Ct);
        var acknowledged = await field.InvokeAsync<Alert>("Acknowledge", alert.Id, "seen", Ct);
        Assert.Equal(AlertState.Acknowledged, acknowledged.State);
        Assert.Equal(UiUsers.FieldClientName, acknowledged.AcknowledgedBy);
    }

    [Fact]
    public async Task A_wrong_password_does_not_sign_in()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.SignInCookieAsync("fatima", "guessing-the-password"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.SignInCookieAsync("nobody", UiUsers.Password));
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(host.BaseUrl) };
        var form = await http.GetAsync("/login", Ct);
        var html = await form.Content.ReadAsStringAsync(Ct);
        var antiforgeryCookie = string.Join("; ", form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["name"] = "vera", ["password"] = UiUsers.Password }),
        };
        post.Headers.Add("Cookie", antiforgeryCookie);
        var response = await http.SendAsync(post, Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("campwater.auth=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", session, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", session, StringComparison.Ordinal);
    }

    private HubConnection Hub(string token) => new HubConnectionBuilder()
        .WithUrl(host.BaseUrl + "/hubs/live", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
        .AddJsonProtocol(o => o.PayloadSerializerOptions = host.Json)
        .Build();

    private async Task<HttpClient> SignedInClientAsync(string name)
    {
        var cookie = await host.SignInCookieAsync(name);
        var cookies = new CookieContainer();
        cookies.Add(new Uri(host.BaseUrl), new Cookie("campwater.auth", cookie));
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }, disposeHandler: true) { BaseAddress = new Uri(host.BaseUrl) };
        // As the page does: every change carries the anti-forgery token from the session.
        var session = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/session", Ct);
        var antiforgery = session.GetProperty("antiforgery");
        client.DefaultRequestHeaders.Add(antiforgery.GetProperty("header").GetString()!, antiforgery.GetProperty("token").GetString());
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
