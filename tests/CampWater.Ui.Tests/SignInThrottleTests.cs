using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;

namespace CampWater.Ui;

/// <summary>
/// Sign-in under guessing: a host with the default limits of 5 failures per name and 20 attempts per client
/// address a minute, but a window of 3 s for the names so that a test can see it end. Each test signs in from an
/// address of its own (127.0.0.x), so the tests do not share a limit.
/// </summary>
public sealed class SignInThrottleTests(SignInThrottleTests.ThrottledHost host) : IClassFixture<SignInThrottleTests.ThrottledHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_6th_sign_in_after_5_failures_for_a_name_is_429_with_retry_after_even_with_the_right_password_and_works_once_the_window_has_passed()
    {
        using var http = SignInForm.Client(host.BaseUrl, from: "127.0.0.2");
        for (var i = 1; i <= 5; i++)
        {
            var wrong = await SignInForm.PostAsync(http, "fatima", $"guess-number-{i}", Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var sixth = await SignInForm.PostAsync(http, "Fatima ", UiUsers.Password, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        var retryAfter = Assert.Single(sixth.Headers.GetValues("Retry-After"));
        Assert.Equal(3, int.Parse(retryAfter, CultureInfo.InvariantCulture)); // the whole window: by then every failure has left it
        Assert.Contains("Too many failed sign-ins for this name", await sixth.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        // Another name from the same address is not held back by fatima's failures.
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(http, "vera", UiUsers.Password, Ct)).StatusCode);

        // The window slides by a fifth of a second, and every try counts towards the address's 20 a minute: try
        // a few times, spaced out.
        await Task.Delay(TimeSpan.FromSeconds(int.Parse(retryAfter, CultureInfo.InvariantCulture)), Ct);
        var after = await SignInForm.PostAsync(http, "fatima", UiUsers.Password, Ct);
        for (var tries = 1; tries < 4 && after.StatusCode == HttpStatusCode.TooManyRequests; tries++)
        {
            await Task.Delay(500, Ct);
            after = await SignInForm.PostAsync(http, "fatima", UiUsers.Password, Ct);
        }

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Of_21_sign_ins_from_one_address_within_a_minute_the_21st_is_429_with_retry_after_of_at_most_60_s_and_counted()
    {
        using var http = SignInForm.Client(host.BaseUrl, from: "127.0.0.3");
        var before = await host.ThrottledAsync("address");
        for (var i = 1; i <= 20; i++)
        {
            // Right passwords: the address limit counts every attempt, not only failures.
            var response = await SignInForm.PostAsync(http, UiUsers.People[i % UiUsers.People.Length].Name, UiUsers.Password, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"attempt {i}: {(int)response.StatusCode}");
        }

        var refused = await SignInForm.PostAsync(http, "ahmed", UiUsers.Password, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("Too many sign-in attempts from this device", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before + 1, await host.ThrottledAsync("address"));

        // Another address is not held back.
        using var other = SignInForm.Client(host.BaseUrl, from: "127.0.0.4");
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(other, "ahmed", UiUsers.Password, Ct)).StatusCode);
    }

    /// <summary>A host with sign-in on, the embedded broker and the throttle's defaults but a 3 s window per name.</summary>
    public sealed class ThrottledHost : IAsyncLifetime
    {
        private readonly TempDirectory _dir = new();
        private WebApplication? _app;

        public string BaseUrl { get; private set; } = "";

        public async ValueTask InitializeAsync()
        {
            (_app, BaseUrl) = await UiHost.StartAsync(_dir.Path, [.. UiHost.EmbeddedBroker(), "--CampWater:Auth:Throttle:WindowMinutes", "0.05", .. UiUsers.Arguments()]);
            await UiHost.WaitUntilReadyAsync(BaseUrl);
        }

        /// <summary><c>campwater_sign_in_throttled_total</c> for one limit, read from <c>/metrics</c> with a viewer's token.</summary>
        public async Task<double> ThrottledAsync(string limit)
        {
            using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", UiUsers.ViewerToken);
            var sample = $"campwater_sign_in_throttled_total{{limit=\"{limit}\"}} ";
            var line = (await http.GetStringAsync("/metrics")).Split('\n').Single(l => l.StartsWith(sample, StringComparison.Ordinal));
            return double.Parse(line[sample.Length..], CultureInfo.InvariantCulture);
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
    }
}
