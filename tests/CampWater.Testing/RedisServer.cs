using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace CampWater.Testing;

/// <summary>A real redis-server (Debian package redis-server) on 127.0.0.1 and a free port.</summary>
public sealed class RedisServer : TcpServerProcess
{
    private readonly bool appendOnly;
    private readonly IReadOnlyList<string> extraArguments;

    private RedisServer(string executablePath, bool appendOnly, IReadOnlyList<string> extraArguments)
        : base("redis-server", executablePath)
    {
        this.appendOnly = appendOnly;
        this.extraArguments = extraArguments;
    }

    /// <summary>"127.0.0.1:port", as StackExchange.Redis and CampWater:Redis:ConnectionString take it.</summary>
    public string ConnectionString => $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    protected override string ReadinessDescription => $"PING on {ConnectionString} answered +PONG";

    /// <param name="appendOnly">
    /// With it every write goes to an append-only file in the data folder, so the data survives
    /// <see cref="ServerProcess.Kill"/> and <see cref="ServerProcess.StartAgainAsync"/>; without it nothing is saved.
    /// </param>
    /// <param name="extraArguments">Further redis-server options, such as ["--appendfsync", "always"].</param>
    public static async Task<RedisServer> StartAsync(
        bool appendOnly = false,
        IReadOnlyList<string>? extraArguments = null,
        CancellationToken cancellationToken = default)
    {
        var server = new RedisServer(ExecutableLocator.Find("redis-server", "redis-server"), appendOnly, extraArguments ?? []);
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
        string[] arguments =
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", Host,
            "--dir", DataDirectory,
            "--save", "",
            "--appendonly", appendOnly ? "yes" : "no",
        ];
        foreach (var argument in arguments.Concat(extraArguments))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.WorkingDirectory = DataDirectory;
    }

    // An open port is not enough: after a restart Redis accepts connections while it still loads the
    // append-only file, and answers -LOADING until it has.
    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        await client.ConnectAsync(Host, Port, attempt.Token).ConfigureAwait(false);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), attempt.Token).ConfigureAwait(false);
        var buffer = new byte[64];
        var read = await stream.ReadAsync(buffer, attempt.Token).ConfigureAwait(false);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}
