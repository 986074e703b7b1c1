using CampWater.Testing;

namespace CampWater.Infrastructure.Tests;

public sealed class DotnetHostProcessTests
{
    private static readonly string SampleHostDll =
        RepoPaths.BuiltDll("tests/CampWater.Infrastructure.Tests/SampleHost", "CampWater.SampleHost");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_host_sees_its_environment_and_answers_on_the_same_port_again_after_a_kill()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        await using var host = await DotnetHostProcess.StartAsync(
            new DotnetHostOptions
            {
                DllPath = SampleHostDll,
                Environment = new Dictionary<string, string?> { ["Greeting"] = "hello from the test" },
                Arguments = [$"--Urls={url}"],
                ReadyUrl = $"{url}/health/ready",
            },
            Cancellation);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Assert.Equal("hello from the test", await http.GetStringAsync($"{url}/greeting", Cancellation));
        var firstProcessId = host.ProcessId;

        host.Kill();
        Assert.False(host.IsRunning);
        Assert.Equal(137, host.ExitCode);
        await host.StartAgainAsync(Cancellation);

        var secondProcessId = int.Parse(await http.GetStringAsync($"{url}/pid", Cancellation), System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(firstProcessId, secondProcessId);
        Assert.Equal(host.ProcessId, secondProcessId);
    }

    [Fact]
    public async Task A_host_stopped_with_SIGTERM_shuts_down_gracefully_with_exit_code_0()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        await using var host = await DotnetHostProcess.StartAsync(
            new DotnetHostOptions { DllPath = SampleHostDll, Arguments = [$"--Urls={url}"], ReadyUrl = $"{url}/health/ready" },
            Cancellation);

        await host.StopAsync(Cancellation);

        Assert.Equal(0, host.ExitCode);
        Assert.Contains("Application is shutting down", host.Output);
    }

    [Fact]
    public async Task A_host_that_never_gets_ready_is_killed_after_its_start_timeout_with_its_output_in_the_message()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var started = DateTimeOffset.UtcNow;

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => DotnetHostProcess.StartAsync(
            new DotnetHostOptions
            {
                DllPath = SampleHostDll,
                Arguments = [$"--Urls={url}"],
                ReadyUrl = $"{url}/no-such-page",
                StartTimeout = TimeSpan.FromSeconds(5),
            },
            Cancellation));

        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(40));
        Assert.Contains($"GET {url}/no-such-page answered 200", exception.Message);
        Assert.Contains("--- output of CampWater.SampleHost", exception.Message);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"{url}/health/ready", Cancellation));
    }
}
