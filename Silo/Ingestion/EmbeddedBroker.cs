using CampWater.Silo.Hosting;
using Microsoft.Extensions.Options;
using MQTTnet.Server;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// The MQTT broker that runs inside the host when no external one is configured, so that one command
/// gives a working system. Production uses an external broker with per-sensor credentials and TLS.
/// </summary>
public sealed partial class EmbeddedBroker(IOptions<CampWaterOptions> options, ILogger<EmbeddedBroker> logger) : IHostedService, IAsyncDisposable
{
    private MqttServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var port = options.Value.Mqtt.Embedded.Port;
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(port)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(100_000)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += AssignMissingClientId;
        try
        {
            await _server.StartAsync();
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InvalidOperationException(
                $"The embedded MQTT broker cannot listen on port {port} ({e.Message}). Free the port, set CampWater:Mqtt:Embedded:Port, or point CampWater:Mqtt:Host at an external broker.", e);
        }

        LogStarted(port);
    }

    /// <summary>
    /// MQTT lets a client with a clean session leave its id to the broker (mosquitto_pub does); give it
    /// one, as mosquitto would, instead of refusing the connection.
    /// </summary>
    private static Task AssignMissingClientId(ValidatingConnectionEventArgs e)
    {
        if (string.IsNullOrEmpty(e.ClientId) && e.CleanSession != false)
        {
            e.AssignedClientIdentifier = "auto-" + Guid.NewGuid().ToString("N");
            e.ReasonCode = MQTTnet.Protocol.MqttConnectReasonCode.Success;
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(new MqttServerStopOptions());
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on port {Port}")]
    private partial void LogStarted(int port);
}
