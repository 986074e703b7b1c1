using System.Globalization;
using CampWater.Dashboard.Auth;
using CampWater.Silo.Commands;
using CampWater.Silo.Hosting;
using CampWater.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CampWater.Ui;

/// <summary>Password hashes, the hash-password command, a start that refuses a sign-in nobody could use, and an API-only start.</summary>
public sealed class SignInConfigurationTests
{
    [Fact]
    public async Task Hash_password_prints_a_self_describing_pbkdf2_hash_that_verifies_the_password_and_no_other()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await HashPasswordCommand.RunAsync(["hash-password"], new StringReader("a long enough secret\n"), output, error);

        Assert.Equal(0, exit);
        var hash = output.ToString().Trim();
        var parts = hash.Split('$');
        Assert.Equal(["pbkdf2-sha256", "600000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.True(PasswordHash.Verify("a long enough secret", hash));
        Assert.False(PasswordHash.Verify("a long enough secreT", hash));
        Assert.DoesNotContain("secret", hash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hash_password_refuses_a_password_under_10_characters()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(1, await HashPasswordCommand.RunAsync(["hash-password"], new StringReader("short\n"), output, error));
        Assert.Equal("", output.ToString());
        Assert.Contains("at least 10 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_hashes_of_one_password_differ_by_their_salt()
    {
        Assert.NotEqual(PasswordHash.Create("same password", 100_000), PasswordHash.Create("same password", 100_000));
    }

    [Fact]
    public void A_production_start_with_sign_in_on_and_no_user_stops_with_a_message_saying_how_to_add_one()
    {
        var e = ProductionStartFails([]);
        Assert.Contains("no user is configured", e.Message, StringComparison.Ordinal);
        Assert.Contains("hash-password", e.Message, StringComparison.Ordinal);
        Assert.Contains("CampWater:Auth:Users:0:PasswordHash", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_start_with_sign_in_on_and_only_an_api_token_serves_that_token_and_warns_that_nobody_can_sign_in()
    {
        using var dir = new TempDirectory();
        var logs = new FakeLogCollector();
        var (app, url) = await UiHost.StartAsync(
            dir.Path,
            [.. UiHost.EmbeddedBroker(), "--CampWater:Auth:Tokens:0:Name=reporting", "--CampWater:Auth:Tokens:0:Role=viewer", $"--CampWater:Auth:Tokens:0:Token={UiUsers.ViewerToken}"],
            builder => builder.Logging.AddProvider(new FakeLoggerProvider(logs)));
        try
        {
            using var api = new HttpClient { BaseAddress = new Uri(url) };
            api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", UiUsers.ViewerToken);
            var camps = await Eventually.ValueAsync(() => api.GetAsync("/api/camps"), r => r.IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the token to read /api/camps");
            Assert.Equal(System.Net.HttpStatusCode.OK, camps.StatusCode);
            var warning = Assert.Single(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("nobody can sign in to the dashboard", StringComparison.Ordinal));
            Assert.Contains("hash-password", warning.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }

    [Fact]
    public void Sign_in_limits_of_0_failures_a_window_of_0_minutes_or_0_attempts_a_minute_stop_the_start_naming_each_key()
    {
        var e = ProductionStartFails(
        [
            .. UiUsers.Arguments(),
            "--CampWater:Auth:Throttle:FailuresPerName=0", "--CampWater:Auth:Throttle:WindowMinutes=0", "--CampWater:Auth:Throttle:AttemptsPerAddressPerMinute=0",
        ]);
        Assert.Contains("CampWater:Auth:Throttle:FailuresPerName is 0: use 1 to 1000", e.Message, StringComparison.Ordinal);
        Assert.Contains("CampWater:Auth:Throttle:WindowMinutes is 0: use 0.01 to 1440", e.Message, StringComparison.Ordinal);
        Assert.Contains("CampWater:Auth:Throttle:AttemptsPerAddressPerMinute is 0: use 1 to 1000000", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_sign_ins_refused_within_a_minute_are_logged_once_and_the_line_a_minute_later_counts_the_3_refused_since()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
        var logs = new FakeLogCollector();
        using var factory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var metrics = new SignInMetrics(clock, factory.CreateLogger<SignInMetrics>());

        metrics.Throttled(SignInLimit.Name, "10.0.0.7", "admin\nWARN forged line");
        clock.Advance(TimeSpan.FromSeconds(20));
        metrics.Throttled(SignInLimit.Name, "10.0.0.7", "admin");
        metrics.Throttled(SignInLimit.Name, "10.0.0.8", "admin");
        var first = Assert.Single(logs.GetSnapshot());
        Assert.DoesNotContain('\n', first.Message); // a stranger's name cannot write a line of its own

        clock.Advance(TimeSpan.FromSeconds(41));
        metrics.Throttled(SignInLimit.Name, "10.0.0.9", "root");
        var lines = logs.GetSnapshot();
        Assert.Equal(2, lines.Count);
        Assert.Contains("3 attempt(s) answered 429", lines[1].Message, StringComparison.Ordinal);
        Assert.Contains("from 10.0.0.9 for the name root", lines[1].Message, StringComparison.Ordinal);
        Assert.Equal(4, metrics.ThrottledCount(SignInLimit.Name));
    }

    [Fact]
    public void A_user_with_an_unknown_role_or_a_plain_text_password_stops_the_start_naming_the_key()
    {
        var e = ProductionStartFails(["--CampWater:Auth:Users:0:Name=ana", "--CampWater:Auth:Users:0:Role=boss", "--CampWater:Auth:Users:0:PasswordHash=hunter2"]);
        Assert.Contains("CampWater:Auth:Users:0:Role 'boss' must be one of viewer, field, engineer, manager, admin", e.Message, StringComparison.Ordinal);
        Assert.Contains("CampWater:Auth:Users:0:PasswordHash is not a hash", e.Message, StringComparison.Ordinal);
    }

    /// <summary>A Production start with the UI registry and these arguments, which must stop with a message.</summary>
    private static StartupException ProductionStartFails(string[] arguments)
    {
        using var dir = new TempDirectory();
        var registry = Path.Combine(dir.Path, "camps.json");
        File.WriteAllText(registry, UiRegistry.Json);
        return Assert.Throws<StartupException>(() => CampWaterHost.Build(
            ["--environment", "Production", "--CampWater:Registry", registry, "--Urls", "http://127.0.0.1:" + FreePort.Next(), .. arguments]));
    }
}
