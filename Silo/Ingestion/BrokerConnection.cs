using System.Security.Authentication;
using CampWater.Silo.Hosting;
using MQTTnet;

namespace CampWater.Silo.Ingestion;

/// <summary>Where every MQTT client of the host connects: the embedded broker, or the configured one.</summary>
public static class BrokerConnection
{
    public static MqttClientOptionsBuilder WithBroker(this MqttClientOptionsBuilder builder, MqttOptions mqtt)
    {
        builder = mqtt.IsEmbedded
            ? builder.WithTcpServer("127.0.0.1", mqtt.Embedded.Port)
            : builder.WithTcpServer(mqtt.Host, Port(mqtt));
        if (!string.IsNullOrEmpty(mqtt.Username))
        {
            builder = builder.WithCredentials(mqtt.Username, mqtt.Password);
        }

        if (mqtt.UseTls)
        {
            builder = builder.WithTlsOptions(o => o.UseTls().WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13));
        }

        return builder;
    }

    /// <summary>
    /// MQTTnet sizes a client's socket buffers to 8 KB unless told otherwise, which also turns off the kernel's
    /// autotuning. Under a backlog the broker then could send no faster than the receive window reopened: on
    /// loopback, where a segment can be 64 KB, an 8 KB window reopens only to zero-window probes, and
    /// ingestion crawled at a few hundred readings a second with the silo idle.
    /// </summary>
    public const int SocketBufferBytes = 1 << 20;

    public static MqttClientOptions WithSocketBuffers(this MqttClientOptions options)
    {
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            tcp.BufferSize = SocketBufferBytes;
        }

        return options;
    }

    public static string Describe(MqttOptions mqtt) =>
        mqtt.IsEmbedded ? $"embedded broker on port {mqtt.Embedded.Port}" : $"{mqtt.Host}:{Port(mqtt)}";

    /// <summary>The configured broker's port: the one set, else MQTT's own (8883 with TLS).</summary>
    public static int Port(MqttOptions mqtt) => mqtt.Port ?? (mqtt.UseTls ? 8883 : 1883);
}
