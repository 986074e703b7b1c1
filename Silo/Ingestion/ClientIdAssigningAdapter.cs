using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Server;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// Lets the embedded broker accept what mosquitto accepts: an MQTT 3.1 or 3.1.1 client with a clean session
/// may send an empty client id and leave it to the broker (MQTT 3.1.1 §3.1.3.1; <c>mosquitto_pub</c> without
/// <c>-i</c>, many sensor firmwares). MQTTnet refuses such a client before any event could help, so this wraps
/// the listener and gives the CONNECT an id as it arrives. MQTT 5 clients are given theirs by
/// <see cref="EmbeddedBroker"/>, since only the broker can send it back in the CONNACK.
/// </summary>
internal sealed class ClientIdAssigningAdapter(IMqttServerAdapter inner) : IMqttServerAdapter
{
    /// <summary>An id for a client that sent none, in mosquitto's form.</summary>
    public static string NewClientId() => "auto-" + Guid.NewGuid().ToString("D").ToUpperInvariant();

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        inner.ClientHandler = channel => ClientHandler is { } handler ? handler(new Channel(channel)) : Task.CompletedTask;
        return inner.StartAsync(options, logger);
    }

    public Task StopAsync() => inner.StopAsync();

    public void Dispose() => inner.Dispose();

    /// <summary>The connection as it is, except for the id put into its first packet; every later packet passes untouched.</summary>
    private sealed class Channel(IMqttChannelAdapter inner) : IMqttChannelAdapter
    {
        private bool _connected;

        public long BytesReceived => inner.BytesReceived;

        public long BytesSent => inner.BytesSent;

        public X509Certificate2 ClientCertificate => inner.ClientCertificate;

        public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

        public EndPoint LocalEndPoint => inner.LocalEndPoint;

        public bool IsSecureConnection => inner.IsSecureConnection;

        public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

        public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

        public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

        public Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken) =>
            _connected ? inner.ReceivePacketAsync(cancellationToken) : ReceiveConnectAsync(cancellationToken);

        public void ResetStatistics() => inner.ResetStatistics();

        public Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken) => inner.SendPacketAsync(packet, cancellationToken);

        public void Dispose() => inner.Dispose();

        private async Task<MqttPacket> ReceiveConnectAsync(CancellationToken cancellationToken)
        {
            var packet = await inner.ReceivePacketAsync(cancellationToken);
            _connected = true;
            if (packet is MqttConnectPacket { CleanSession: true } connect && string.IsNullOrEmpty(connect.ClientId)
                && inner.PacketFormatterAdapter.ProtocolVersion is MqttProtocolVersion.V310 or MqttProtocolVersion.V311)
            {
                connect.ClientId = NewClientId();
            }

            return packet;
        }
    }
}
