using System.Collections.Concurrent;
using MQTTnet;

namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>
/// Takes the MQTT messages on the network servers' uplink topics: reads the uplink, finds the device's tank
/// and hands its readings to the pipeline, stored history first. A message is acknowledged once its tank has
/// taken every reading in it. A device the registry does not have is refused here, without touching a grain
/// (see <see cref="TankDirectory"/>). Refusals are counted by reason and logged at most once a minute per device;
/// an unknown device is logged once.
/// </summary>
public sealed partial class LoRaWanDispatcher(
    ReadingPipeline pipeline,
    TankDirectory directory,
    IngestionMetrics metrics,
    RejectionLog rejections,
    ILogger<LoRaWanDispatcher> logger)
{
    private const int MaxRememberedUnknown = 10_000;
    private readonly ConcurrentDictionary<string, byte> _unknownLogged = new(StringComparer.Ordinal);

    /// <summary>The subscriptions this dispatcher serves.</summary>
    public static IReadOnlyList<string> TopicFilters => LoRaWanTopics.Filters;

    /// <param name="acknowledge">Acknowledges the message (null for QoS 0): once its tank has taken every reading, or at once when it is refused.</param>
    /// <returns>False when the topic is no uplink topic, so that the caller deals with it.</returns>
    public async ValueTask<bool> TryDispatchAsync(
        MqttApplicationMessageReceivedEventArgs e, DateTimeOffset receivedAt, ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        var message = e.ApplicationMessage;
        if (!LoRaWanTopics.TryClassify(message.Topic, out var network))
        {
            return false;
        }

        var parsed = LoRaWanUplinkParser.Parse(network, message.Payload, receivedAt);
        if (!parsed.IsAccepted)
        {
            Reject(parsed.DevEui is null ? message.Topic : "device " + parsed.DevEui, parsed.Reason!.Value, parsed.Detail);
            await MqttIngestion.AcknowledgeRefused(acknowledge, cancellationToken);
            return true;
        }

        var uplink = parsed.Uplink!;
        if (directory.Current.TryFind(uplink.DevEui, out var tank) && !directory.IsWaiting(uplink.DevEui))
        {
            await DeliverAsync(tank, uplink, acknowledge, cancellationToken);
            return true;
        }

        await ResolveMissAsync(uplink, message.Topic, receivedAt, acknowledge, cancellationToken);
        return true;
    }

    /// <summary>An uplink from a device the index does not know: delivered if the registry has it after all, else refused.</summary>
    /// <remarks>A method of its own, so that only a miss allocates what its lambdas capture.</remarks>
    private ValueTask ResolveMissAsync(LoRaWanUplink uplink, string topic, DateTimeOffset receivedAt, ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken) =>
        directory.ResolveMissAsync(
            uplink.DevEui,
            receivedAt,
            index => index.TryFind(uplink.DevEui, out var found) ? found : null,
            (found, ct) => DeliverAsync(found, uplink, acknowledge, ct),
            ct => RefuseUnknownAsync(uplink.DevEui, topic, acknowledge, ct),
            cancellationToken);

    private async ValueTask DeliverAsync(TankAddress tank, LoRaWanUplink uplink, ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        if (uplink.Readings.Count == 0)
        {
            await MqttIngestion.AcknowledgeRefused(acknowledge, cancellationToken);
            return;
        }

        if (acknowledge is null)
        {
            foreach (var reading in uplink.Readings)
            {
                await pipeline.EnqueueAsync(tank.CampId, tank.TankId, reading, null, cancellationToken);
            }

            return;
        }

        var countdown = new CountdownAcknowledge(uplink.Readings.Count, acknowledge);
        foreach (var reading in uplink.Readings)
        {
            await pipeline.EnqueueAsync(tank.CampId, tank.TankId, reading, countdown.Signal, cancellationToken);
        }
    }

    private async ValueTask RefuseUnknownAsync(string devEui, string topic, ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        metrics.Rejected(RejectReason.UnknownDevice);
        if (_unknownLogged.Count < MaxRememberedUnknown && _unknownLogged.TryAdd(devEui, 0))
        {
            LogUnknownDevice(devEui, topic);
        }

        await MqttIngestion.AcknowledgeRefused(acknowledge, cancellationToken);
    }

    private void Reject(string source, RejectReason reason, string? detail)
    {
        metrics.Rejected(reason);
        rejections.Write(source, RejectReasons.Name(reason), detail);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Uplink from device {DevEui} on {Topic}: no tank of the registry has this sensor.devEui; its uplinks are counted as unknown-device and not logged again")]
    private partial void LogUnknownDevice(string devEui, string topic);
}
