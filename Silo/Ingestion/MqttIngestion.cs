using CampWater.Grains;
using CampWater.Readings;
using CampWater.Silo.Hosting;
using CampWater.Silo.Ingestion.LoRaWan;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// The ingestion client: a persistent MQTT session (clean start off, a session expiry) subscribed to
/// the readings topics with QoS 1. It reconnects for as long as the host runs, and acknowledges a
/// reading only once its tank has taken it.
/// </summary>
public sealed partial class MqttIngestion(
    IOptions<CampWaterOptions> options,
    ReadingPipeline pipeline,
    LoRaWanDispatcher lorawan,
    QualityIngestion quality,
    InflowIngestion inflow,
    TankDirectory directory,
    AckSequencer acks,
    IngestionMetrics metrics,
    RejectionLog rejections,
    Readiness readiness,
    TimeProvider clock,
    ILogger<MqttIngestion> logger) : BackgroundService
{
    /// <summary>
    /// Readings the broker may have in flight to this client, unacknowledged: the protocol's largest. Said
    /// explicitly because without it mosquitto keeps to its own window of 20 and queues the rest, and
    /// readings coming out of that queue were seen to arrive behind newer readings of the same tank (under
    /// load, and after a restart), where they count as late and miss the ledger.
    /// </summary>
    private const ushort ReceiveMaximum = ushort.MaxValue;
    public const string NativeTopicFilter = "campwater/+/tanks/+/level";
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>Unknown tanks are logged under one name, once a minute for all: a flood of made-up ids must not flood the log.</summary>
    private const string UnknownTanksSource = "tanks not in the registry";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mqtt = options.Value.Mqtt;
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e => OnMessage(e, stoppingToken);
        client.DisconnectedAsync += e =>
        {
            readiness.BrokerConnected = false;
            if (!stoppingToken.IsCancellationRequested)
            {
                LogDisconnected(e.Reason.ToString());
            }

            return Task.CompletedTask;
        };

        var clientOptions = BuildOptions(mqtt);
        var acknowledging = acks.RunAsync(stoppingToken);
        var backoff = TimeSpan.FromMilliseconds(250);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    // Before connecting: a kept session's messages can come before ConnectAsync returns.
                    acks.Reset();
                    var result = await client.ConnectAsync(clientOptions, stoppingToken);
                    if (result.ResultCode != MqttClientConnectResultCode.Success)
                    {
                        throw new MqttConnectRefusedException(result.ResultCode.ToString());
                    }

                    // Subscribing again is harmless when the broker kept the session, and needed when it did not.
                    var subscription = new MqttClientSubscribeOptionsBuilder().WithTopicFilter(Shared(NativeTopicFilter), MqttQualityOfServiceLevel.AtLeastOnce);
                    foreach (var filter in LoRaWanDispatcher.TopicFilters.Concat(QualityTopic.Filters).Append(InflowTopic.Filter))
                    {
                        subscription = subscription.WithTopicFilter(Shared(filter), MqttQualityOfServiceLevel.AtLeastOnce);
                    }

                    await client.SubscribeAsync(subscription.Build(), stoppingToken);
                    readiness.BrokerConnected = true;
                    backoff = TimeSpan.FromMilliseconds(250);
                    LogConnected(Describe(mqtt), result.IsSessionPresent);
                }

                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                readiness.BrokerConnected = false;
                LogConnectFailed(Describe(mqtt), e.Message, backoff.TotalSeconds);
                try
                {
                    await Task.Delay(backoff, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, backoff.Ticks * 2));
            }
        }

        readiness.BrokerConnected = false;
        if (client.IsConnected)
        {
            // A normal disconnect keeps the session: the broker queues what arrives until the next start.
            await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None);
        }

        await acknowledging;
    }

    private async Task OnMessage(MqttApplicationMessageReceivedEventArgs e, CancellationToken stoppingToken)
    {
        var receivedAt = clock.GetUtcNow();
        metrics.Received();
        var message = e.ApplicationMessage;

        // QoS 1: acknowledged, in the order of arrival, once whatever the message carries is taken or refused.
        ReadingPipeline.Acknowledge? acknowledge = null;
        if (message.QualityOfServiceLevel != MqttQualityOfServiceLevel.AtMostOnce)
        {
            e.AutoAcknowledge = false;
            acknowledge = acks.Track(e.AcknowledgeAsync);
        }

        if (InflowTopic.TryParse(message.Topic, out var inflowCamp, out var inflowTank))
        {
            await inflow.HandleAsync(inflowCamp, inflowTank, message.Payload, receivedAt, acknowledge, stoppingToken);
            return;
        }

        if (QualityTopic.TryParse(message.Topic, out var qualityCamp, out var qualityTank, out var qualityPoint))
        {
            await quality.HandleAsync(qualityCamp, qualityTank, qualityPoint, message.Payload, receivedAt, acknowledge, stoppingToken);
            return;
        }

        if (!NativeTopic.TryParse(message.Topic, out var campId, out var tankId))
        {
            if (await lorawan.TryDispatchAsync(e, receivedAt, acknowledge, stoppingToken))
            {
                return;
            }

            Reject(UnknownTanksSource, RejectReason.UnknownTank, $"{message.Topic}: the topic does not name a camp and tank by their ids");
            await AcknowledgeRefused(acknowledge, stoppingToken);
            return;
        }

        var parsed = NativePayloadParser.Parse(message.Payload, receivedAt);
        if (!parsed.IsAccepted)
        {
            Reject($"{campId}/{tankId}", parsed.Reason!.Value, parsed.Detail);
            await AcknowledgeRefused(acknowledge, stoppingToken);
            return;
        }

        var reading = parsed.Reading!;
        if (directory.Current.Knows(campId, tankId) && !(directory.AnyWaiting && directory.IsWaiting(TankKey.Of(campId, tankId))))
        {
            await pipeline.EnqueueAsync(campId, tankId, reading, acknowledge, stoppingToken);
            return;
        }

        await ResolveMissAsync(campId, tankId, reading, receivedAt, acknowledge, stoppingToken);
    }

    /// <summary>A reading for a tank the index does not know: delivered if the registry has it after all, else refused.</summary>
    /// <remarks>A method of its own, so that only a miss allocates what its lambdas capture.</remarks>
    private ValueTask ResolveMissAsync(string campId, string tankId, TankReading reading, DateTimeOffset receivedAt, ReadingPipeline.Acknowledge? acknowledge, CancellationToken stoppingToken) =>
        directory.ResolveMissAsync(
            TankKey.Of(campId, tankId),
            receivedAt,
            index => index.Knows(campId, tankId) ? new TankAddress(campId, tankId) : null,
            (tank, ct) => pipeline.EnqueueAsync(tank.CampId, tank.TankId, reading, acknowledge, ct),
            async ct =>
            {
                Reject(UnknownTanksSource, RejectReason.UnknownTank, $"{campId}/{tankId}: the registry has no such camp or tank");
                await AcknowledgeRefused(acknowledge, ct);
            },
            stoppingToken);

    /// <summary>A refused message is acknowledged all the same: sent again, it would be refused again.</summary>
    internal static Task AcknowledgeRefused(ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken) =>
        acknowledge is null ? Task.CompletedTask : acknowledge(cancellationToken);

    /// <summary>
    /// With <c>CampWater:Mqtt:SharedGroup</c> set, several silos ingest through one shared subscription and
    /// the broker gives each reading to one of them; the reading goes to its tank's grain wherever it lives.
    /// Brokers do not keep order across a shared subscription, so a single silo subscribes plainly.
    /// </summary>
    private string Shared(string filter) =>
        options.Value.Mqtt.SharedGroup is { Length: > 0 } group ? $"$share/{group}/{filter}" : filter;

    private void Reject(string source, RejectReason reason, string? detail)
    {
        metrics.Rejected(reason);
        rejections.Write(source, RejectReasons.Name(reason), detail);
    }

    internal static MqttClientOptions BuildOptions(MqttOptions mqtt)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(mqtt.ClientId)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(false)
            .WithSessionExpiryInterval(mqtt.SessionExpirySeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithReceiveMaximum(ReceiveMaximum)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithBroker(mqtt);
        return builder.Build().WithSocketBuffers();
    }

    private static string Describe(MqttOptions mqtt) => BrokerConnection.Describe(mqtt);

    private sealed class MqttConnectRefusedException(string reason) : Exception($"the broker refused the connection: {reason}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion connected to {Broker} (session kept by the broker: {SessionPresent})")]
    private partial void LogConnected(string broker, bool sessionPresent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion lost the broker: {Reason}; reconnecting")]
    private partial void LogDisconnected(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingestion cannot reach {Broker}: {Error}; next try in {Seconds} s")]
    private partial void LogConnectFailed(string broker, string error, double seconds);
}
