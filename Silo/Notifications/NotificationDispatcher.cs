using System.Collections.Concurrent;
using System.Threading.Channels;
using CampWater.Dashboard.Metrics;
using CampWater.Grains;
using CampWater.Notifications;
using CampWater.Silo.Notifications.Channels;
using CampWater.Texts;

namespace CampWater.Silo.Notifications;

/// <summary>
/// The bounded pool that sends notifications off the grains' turns: notifier grains queue attempts
/// without waiting (a full queue says no, and the notifier tries again on its next tick), a few workers
/// word each message in its recipient's language, send it through its channel, and report the answer
/// to the notifier, which stores it. Counted in <c>/metrics</c> as
/// <c>campwater_notifications_total{channel,status}</c>, one per attempt: <c>sent</c>, <c>retrying</c>
/// (refused, tried again) or <c>failed</c> (refused for a day: given up).
/// </summary>
public sealed partial class NotificationDispatcher : BackgroundService, INotificationDispatch, IMetricsSource
{
    public const int QueueCapacity = 1_024;

    public const int Workers = 4;

    private readonly Channel<DeliveryJob> _queue = Channel.CreateBounded<DeliveryJob>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = false });

    private readonly IReadOnlyDictionary<string, INotificationChannel> _channels;
    private readonly MessageComposer _composer;
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private readonly ConcurrentDictionary<(string Channel, string Status), long> _counts = new();

    public NotificationDispatcher(NotifyOptions options, IGrainFactory grains, TimeProvider clock, ILogger<NotificationDispatcher> logger)
    {
        Plan = NotifyOptionsValidation.ToPlan(options);
        _channels = NotificationChannels.Create(options, _http);
        _composer = new MessageComposer(Plan, new NotificationTexts(TextCatalogue.Embedded, Plan.PublicUrl), TextCatalogue.Embedded);
        _grains = grains;
        _clock = clock;
        _logger = logger;
        foreach (var channel in Plan.Channels)
        {
            _counts[(channel.Name, "sent")] = 0;
            _counts[(channel.Name, "retrying")] = 0;
            _counts[(channel.Name, "failed")] = 0;
        }
    }

    public NotifyPlan Plan { get; }

    public bool TryQueue(DeliveryJob job) => _queue.Writer.TryWrite(job);

    public long Count(string channel, string status) => _counts.GetValueOrDefault((channel, status));

    public void WriteTo(PrometheusWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Describe("campwater_notifications_total", "counter", "Notification attempts by channel and outcome: sent (delivered), retrying (refused, tried again), failed (refused for a day, given up).");
        foreach (var ((channel, status), count) in _counts.OrderBy(kv => kv.Key.Channel, StringComparer.Ordinal).ThenBy(kv => kv.Key.Status, StringComparer.Ordinal))
        {
            writer.Sample("campwater_notifications_total", count, ("channel", channel), ("status", status));
        }
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                var answer = await SendAsync(job, stoppingToken);
                var status = answer.Delivered ? DeliveryStatus.Sent : DeliveryStatus.Retrying;
                try
                {
                    var stored = await _grains.GetGrain<INotifierGrain>(job.CampId).Attempted(job.DeliveryId, answer.Delivered, answer.Detail);
                    status = stored == DeliveryStatus.Queued ? status : stored;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The notifier tries it again; the receiver sees the same delivery id.
                    LogNotRecorded(job.CampId, job.DeliveryId, e.Message);
                }

                _counts.AddOrUpdate((job.Batch.Recipient.Channel, NotifyNames.Of(status)), 1, (_, n) => n + 1);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is queued is in the notifiers' state and goes after the restart.
        }
    }

    private async Task<DeliveryAnswer> SendAsync(DeliveryJob job, CancellationToken stoppingToken)
    {
        if (!_channels.TryGetValue(job.Batch.Recipient.Channel, out var channel))
        {
            return DeliveryAnswer.Refused($"no channel '{job.Batch.Recipient.Channel}' is configured any more");
        }

        try
        {
            var message = _composer.Compose(job.Batch, job.Place, _clock.GetUtcNow());
            return await channel.SendAsync(message, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A channel never throws for a refused delivery; anything else is a fault here, said in the log and retried.
            LogSendFault(job.CampId, job.DeliveryId, e);
            return DeliveryAnswer.Refused($"{e.GetType().Name}: {e.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Camp {Camp}: the answer to delivery {DeliveryId} could not be recorded; it will be sent again: {Reason}")]
    private partial void LogNotRecorded(string camp, string deliveryId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Camp {Camp}: delivery {DeliveryId} could not be composed or sent")]
    private partial void LogSendFault(string camp, string deliveryId, Exception e);
}
