using System.Net.Sockets;

namespace CampWater.Testing;

/// <summary>
/// A server on 127.0.0.1 and a port of its own, with a temp folder of its own for configuration and
/// data that lives as long as it (so a restart finds its data again).
/// </summary>
public abstract class TcpServerProcess : ServerProcess
{
    private readonly TempDirectory directory;

    protected TcpServerProcess(string name, string executablePath)
        : base(name, executablePath)
    {
        directory = new TempDirectory(name);
        Port = FreePort.Next();
    }

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    /// <summary>The server's own temp folder, deleted when it is disposed.</summary>
    public string DataDirectory => directory.Path;

    protected override string ReadinessDescription => $"TCP {Host}:{Port} accepting connections";

    protected override Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        AcceptsConnectionsAsync(Host, Port, cancellationToken);

    protected override bool TryMoveToAnotherPort()
    {
        Port = FreePort.Next();
        return true;
    }

    protected override void DisposeResources() => directory.Dispose();

    /// <summary>True when a TCP connection to host:port succeeds within a second.</summary>
    protected static async Task<bool> AcceptsConnectionsAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync(host, port, attempt.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
