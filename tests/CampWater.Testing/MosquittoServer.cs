using System.Diagnostics;
using System.Globalization;

namespace CampWater.Testing;

/// <summary>A real mosquitto broker (Debian package mosquitto) on 127.0.0.1 and a free port.</summary>
public sealed class MosquittoServer : TcpServerProcess
{
    private readonly MosquittoOptions options;

    private MosquittoServer(string executablePath, MosquittoOptions options)
        : base("mosquitto", executablePath)
    {
        this.options = options;
        StartTimeout = options.StartTimeout;
    }

    public string ConfigPath => Path.Combine(DataDirectory, "mosquitto.conf");

    public static async Task<MosquittoServer> StartAsync(MosquittoOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new MosquittoServer(ExecutableLocator.Find("mosquitto", "mosquitto"), options ?? new MosquittoOptions());
        try
        {
            await server.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    protected override void ConfigureStartInfo(ProcessStartInfo startInfo)
    {
        // Written at every start: the port may have moved after a clash on the first one.
        File.WriteAllLines(ConfigPath, ConfigLines());
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(ConfigPath);
        startInfo.WorkingDirectory = DataDirectory;
    }

    private IEnumerable<string> ConfigLines()
    {
        yield return $"listener {Port.ToString(CultureInfo.InvariantCulture)} {Host}";
        yield return "allow_anonymous true";
        yield return "log_dest stdout";
        yield return "log_type error";
        yield return "log_type warning";
        yield return "log_type notice";
        yield return "log_type information";
        if (Environment.IsPrivilegedProcess)
        {
            // Run as root, mosquitto would switch to the user "mosquitto", who cannot write our temp folder.
            yield return "user root";
        }

        var maxQueued = options.MaxQueuedMessages;
        if (options.Persistence)
        {
            yield return "persistence true";
            yield return $"persistence_location {DataDirectory}{Path.DirectorySeparatorChar}";
            maxQueued ??= 100_000;
        }

        if (maxQueued is { } queued)
        {
            yield return $"max_queued_messages {queued.ToString(CultureInfo.InvariantCulture)}";
        }

        if (options.MaxInflightMessages is { } inflight)
        {
            yield return $"max_inflight_messages {inflight.ToString(CultureInfo.InvariantCulture)}";
        }

        foreach (var line in options.ExtraConfigLines)
        {
            yield return line;
        }
    }
}
