using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using CampWater.Alerts;
using CampWater.Dashboard.Hosting;
using CampWater.Dashboard.Metrics;
using CampWater.Silo.Hosting;
using CampWater.Silo.Ingestion;
using CampWater.Status;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CampWater.Silo.Outbox;

/// <summary>
/// Publishes what grains send out (docs/sensors.md): every alert change on
/// <c>campwater/{camp}/alerts/{id}</c> with QoS 1, and each tank's status, retained, on
/// <c>campwater/{camp}/tanks/{tank}/status</c> at most once per tank per 10 s. Grains only enqueue.
/// </summary>
public sealed partial class MqttOutbox(
    IOptions<CampWaterOptions> options,
    TimeProvider clock,
    ILogger<MqttOutbox> logger) : BackgroundService, IOutbox, IMetricsSource
{
    public static readonly TimeSpan StatusInterval = TimeSpan.FromSeconds(10);
    private const int AlertQueueCapacity = 100_000;

    private readonly Channel<Alert> _alerts = Channel.CreateBounded<Alert>(
        new BoundedChannelOptions(AlertQueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly ConcurrentDictionary<(string Camp, string Tank), TankStatus> _pendingStatus = new();
    private readonly ConcurrentDictionary<(string Camp, string Tank), DateTimeOffset> _lastStatus = new();
    private readonly ConcurrentDictionary<(AlertKind, AlertSeverity), long> _raised = new();
    private readonly ConcurrentDictionary<string, AlertSeverity> _open = new(StringComparer.Ordinal);
    private long _published;

    public void AlertChanged(Alert alert, bool raised)
    {
        if (raised)
        {
            _raised.AddOrUpdate((alert.Kind, alert.Severity), 1, (_, n) => n + 1);
        }

        if (alert.IsOpen)
        {
            _open[alert.Id] = alert.Severity;
        }
        else
        {
            _open.TryRemove(alert.Id, out _);
        }

        _alerts.Writer.TryWrite(alert);
    }

    public void TankStatusChanged(TankStatus status) => _pendingStatus[(status.CampId, status.TankId)] = status;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var mqtt = options.Value.Mqtt;
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(mqtt.ClientId + "-out")
            .WithCleanStart(true)
            .WithBroker(mqtt);

        using var client = new MqttClientFactory().CreateMqttClient();
        Alert? unsent = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(builder.Build().WithSocketBuffers(), stoppingToken);
                }

                // An alert that failed to go out is sent first, so changes keep their order.
                if (unsent is not null)
                {
                    await Publish(client, AlertTopic(unsent), unsent, retain: false, stoppingToken);
                    unsent = null;
                }

                using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                tick.CancelAfter(TimeSpan.FromSeconds(1));
                try
                {
                    while (await _alerts.Reader.WaitToReadAsync(tick.Token))
                    {
                        while (_alerts.Reader.TryRead(out var alert))
                        {
                            unsent = alert;
                            await Publish(client, AlertTopic(alert), alert, retain: false, stoppingToken);
                            unsent = null;
                        }
                    }
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // A second without alerts: time to look at the statuses.
                }

                await PublishDueStatuses(client, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogPublishFailed(e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task PublishDueStatuses(IMqttClient client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, status) in _pendingStatus)
        {
            if (now - _lastStatus.GetValueOrDefault(key) < StatusInterval)
            {
                continue;
            }

            if (_pendingStatus.TryRemove(new KeyValuePair<(string, string), TankStatus>(key, status)))
            {
                await Publish(client, $"campwater/{status.CampId}/tanks/{status.TankId}/status", status, retain: true, cancellationToken);
                _lastStatus[key] = now;
            }
        }
    }

    private async Task Publish<T>(IMqttClient client, string topic, T value, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(JsonSerializer.SerializeToUtf8Bytes(value, CampWaterJson.Options))
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(retain)
            .Build();
        await client.PublishAsync(message, cancellationToken);
        Interlocked.Increment(ref _published);
    }

    private static string AlertTopic(Alert alert) => $"campwater/{alert.CampId}/alerts/{alert.Id}";

    public void WriteTo(PrometheusWriter writer)
    {
        writer.Describe("campwater_alerts_raised_total", "counter", "Alerts raised, by kind and severity at raising.");
        foreach (var ((kind, severity), count) in _raised)
        {
            writer.Sample("campwater_alerts_raised_total", count, ("kind", Kebab(kind)), ("severity", severity.ToString().ToLowerInvariant()));
        }

        writer.Describe("campwater_alerts_open", "gauge", "Open (active or acknowledged) alerts known to this silo, by severity.");
        foreach (var severity in Enum.GetValues<AlertSeverity>())
        {
            writer.Sample("campwater_alerts_open", _open.Values.Count(s => s == severity), ("severity", severity.ToString().ToLowerInvariant()));
        }

        writer.Describe("campwater_outbox_published_total", "counter", "MQTT messages published (alerts and tank statuses).");
        writer.Sample("campwater_outbox_published_total", Interlocked.Read(ref _published));
        writer.Describe("campwater_outbox_alert_queue", "gauge", "Alert changes waiting to be published.");
        writer.Sample("campwater_outbox_alert_queue", _alerts.Reader.Count);
    }

    private static string Kebab(AlertKind kind) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing alerts and statuses failed: {Error}; retrying")]
    private partial void LogPublishFailed(string error);
}
