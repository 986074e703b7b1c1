using System.Diagnostics;

namespace CampWater.Readme;

/// <summary>
/// A README command that starts the host (<c>dotnet run --project Silo ...</c>), run with bash from the
/// repository's folder as a newcomer types it, ready once its <c>/health/ready</c> answers 200.
/// </summary>
public sealed class DemoProcess : ServerProcess
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly string _command;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Uri _ready;

    private DemoProcess(string command, IReadOnlyDictionary<string, string> environment, Uri ready)
        : base("demo", "/bin/bash")
    {
        _command = command;
        _environment = environment;
        _ready = ready;
        StartTimeout = TimeSpan.FromSeconds(120);
    }

    protected override string ReadinessDescription => $"GET {_ready} answered 200";

    public static async Task<DemoProcess> StartAsync(string command, IReadOnlyDictionary<string, string> environment, Uri ready, CancellationToken cancellationToken)
    {
        var demo = new DemoProcess(command, environment, ready);
        try
        {
            await demo.LaunchAsync(cancellationToken);
            return demo;
        }
        catch
        {
            demo.Dispose();
            throw;
        }
    }

    protected override void ConfigureStartInfo(ProcessStartInfo startInfo)
    {
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add($"exec {_command}");
        startInfo.WorkingDirectory = RepoPaths.Root;
        foreach (var (name, value) in _environment)
        {
            startInfo.Environment[name] = value;
        }
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(_ready, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
