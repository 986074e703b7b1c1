using System.Net;
using System.Net.Sockets;

namespace CampWater.Testing;

/// <summary>Hands out TCP ports on 127.0.0.1 that nothing listens on.</summary>
public static class FreePort
{
    // A port is handed out at most once per test process, so two servers of the same run never race
    // for the one the kernel happens to offer twice.
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            lock (Gate)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("No free TCP port on 127.0.0.1 after 100 attempts.");
    }
}
