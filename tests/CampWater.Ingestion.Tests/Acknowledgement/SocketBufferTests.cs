using CampWater.Silo.Hosting;
using CampWater.Silo.Ingestion;
using MQTTnet;

namespace CampWater.Ingestion.Tests.Acknowledgement;

public sealed class SocketBufferTests
{
    [Fact]
    public void The_ingestion_client_asks_for_megabyte_socket_buffers_instead_of_mqttnets_8_kb()
    {
        var options = MqttIngestion.BuildOptions(new MqttOptions { Host = "127.0.0.1", Port = 1883, ClientId = "campwater-ingest" });

        var tcp = Assert.IsType<MqttClientTcpOptions>(options.ChannelOptions);
        Assert.Equal(BrokerConnection.SocketBufferBytes, tcp.BufferSize);
        Assert.True(tcp.BufferSize >= 1 << 20);
    }
}
