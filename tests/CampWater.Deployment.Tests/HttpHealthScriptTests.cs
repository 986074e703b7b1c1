using System.Net;
using CampWater.Testing;

namespace CampWater.Deployment;

/// <summary>deploy/http-health.sh, the health check of both images, against a real HTTP server.</summary>
public sealed class HttpHealthScriptTests
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "deploy", "http-health.sh");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task It_passes_on_200_and_fails_on_503_on_404_and_on_a_closed_port_saying_why()
    {
        var port = FreePort.Next();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var serving = ServeAsync(listener);

        var live = await RunAsync("/health/live", port);
        var notReady = await RunAsync("/health/ready", port);
        var missing = await RunAsync("/nothing-here", port);
        listener.Stop();
        await serving;
        var closed = await RunAsync("/health/live", FreePort.Next());

        Assert.True(live.ExitCode == 0, live.Output);
        Assert.Equal(1, notReady.ExitCode);
        Assert.Contains("503", notReady.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("404", missing.StandardError, StringComparison.Ordinal);
        Assert.Equal(1, closed.ExitCode);
        Assert.Contains("nothing accepts connections", closed.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_script_is_executable_in_the_repository()
    {
        var mode = File.GetUnixFileMode(Script);
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{Script} is {mode}; the images run it as a program.");
    }

    private static Task<ScriptResult> RunAsync(string path, int port) =>
        ScriptRunner.RunAsync("bash", [Script, path, port.ToString(System.Globalization.CultureInfo.InvariantCulture)], cancellationToken: Cancellation, timeout: TimeSpan.FromSeconds(20));

    private static async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            context.Response.StatusCode = context.Request.Url?.AbsolutePath switch
            {
                "/health/live" => 200,
                "/health/ready" => 503,
                _ => 404,
            };
            context.Response.Close();
        }
    }
}
