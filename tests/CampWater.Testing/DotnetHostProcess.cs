using System.Diagnostics;

namespace CampWater.Testing;

/// <summary>
/// A built .NET program (the silo, say) run as its own OS process, so that a test can kill it as in
/// a crash and start it again on the same ports and storage.
/// </summary>
public sealed class DotnetHostProcess : ServerProcess
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private DotnetHostProcess(string dotnetPath, DotnetHostOptions options)
        : base(options.Name ?? Path.GetFileNameWithoutExtension(options.DllPath), dotnetPath)
    {
        Options = options;
        StartTimeout = options.StartTimeout;
        StopTimeout = options.StopTimeout;
    }

    public DotnetHostOptions Options { get; }

    protected override string ReadinessDescription =>
        Options.ReadyUrl is null ? "process running" : $"GET {Options.ReadyUrl} answered 200";

    public static async Task<DotnetHostProcess> StartAsync(DotnetHostOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(options.DllPath))
        {
            throw new FileNotFoundException(
                $"{options.DllPath} does not exist. Build the solution first (dotnet build CampWater.slnx -c {RepoPaths.Configuration}); " +
                "tests/run.sh builds and tests everything.",
                options.DllPath);
        }

        var host = new DotnetHostProcess(FindDotnet(), options);
        try
        {
            await host.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    protected override void ConfigureStartInfo(ProcessStartInfo startInfo)
    {
        startInfo.ArgumentList.Add("exec");
        startInfo.ArgumentList.Add(Options.DllPath);
        foreach (var argument in Options.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in Options.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        startInfo.WorkingDirectory = Options.WorkingDirectory ?? Path.GetDirectoryName(Path.GetFullPath(Options.DllPath));
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (Options.ReadyUrl is null)
        {
            return true;
        }

        using var response = await Http.GetAsync(Options.ReadyUrl, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == System.Net.HttpStatusCode.OK;
    }

    // The muxer that runs the tests runs the program too, so both use the same installed runtimes.
    private static string FindDotnet()
    {
        var fileName = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        string?[] candidates =
        [
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"),
            Environment.ProcessPath is { } self && Path.GetFileName(self) == fileName ? self : null,
            Environment.GetEnvironmentVariable("DOTNET_ROOT") is { } root ? Path.Combine(root, fileName) : null,
            .. (Environment.GetEnvironmentVariable("PATH") ?? "")
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(directory => Path.Combine(directory, fileName)),
        ];

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("The dotnet command was not found (DOTNET_HOST_PATH, DOTNET_ROOT and PATH were searched).");
    }
}
