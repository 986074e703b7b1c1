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
        var factory = new MqttServerFactory();
        _server = factory.CreateMqttServer(serverOptions, factory.DefaultServerAdapters.Select(create => new ClientIdAssigningAdapter(create(factory))));
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
    /// An MQTT 5 client with a clean start may leave its id to the broker (mosquitto_pub does); give it one, as
    /// mosquitto would, and MQTTnet sends it back in the CONNACK. MQTT 3.1 and 3.1.1 clients got theirs from
    /// <see cref="ClientIdAssigningAdapter"/>. A client that asks for a kept session without an id is refused,
    /// as by mosquitto: there would be no id to find the session by.
    /// </summary>
    private static Task AssignMissingClientId(ValidatingConnectionEventArgs e)
    {
        if (string.IsNullOrEmpty(e.ClientId) && e.CleanSession != false && e.ProtocolVersion == MQTTnet.Formatter.MqttProtocolVersion.V500)
        {
            e.AssignedClientIdentifier = ClientIdAssigningAdapter.NewClientId();
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
