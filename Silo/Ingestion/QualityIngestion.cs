using System.Threading.Channels;
using CampWater.Grains;
using CampWater.Services;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// Hands the readings of online water quality sensors to their camps' services, one at a time in arrival
/// order (they are few: a chlorine analyser reports every few minutes), each acknowledged once it is stored.
/// A camp the registry does not hold is refused here, before any grain is woken; the registry's list of
/// camps is read again when a camp is not found, at most every <see cref="CampRetryGap"/>.
/// </summary>
public sealed partial class QualityIngestion(
    IGrainFactory grains,
    Hosting.Readiness readiness,
    IngestionMetrics ingestion,
    QualityMetrics metrics,
    RejectionLog rejections,
    TimeProvider clock,
    ILogger<QualityIngestion> logger) : BackgroundService
{
    public static readonly TimeSpan CampRetryGap = TimeSpan.FromSeconds(5);

    /// <summary>How long a reading waits for the registry file to be applied after a start.</summary>
    private static readonly TimeSpan RegistryWait = TimeSpan.FromSeconds(30);
    private const int Capacity = 4096;
    private const int MaxAttempts = 10;

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(Capacity) { SingleReader = true });
    private volatile HashSet<string> _camps = new(StringComparer.Ordinal);
    private DateTimeOffset _campsReadAt = DateTimeOffset.MinValue;

    /// <summary>
    /// Parses and queues one message of a quality topic; refuses (and acknowledges) what cannot be used.
    /// Waits only when the queue is full, which slows the broker down instead of dropping.
    /// </summary>
    public async ValueTask HandleAsync(
        string campId, string? tankId, string? pointId, System.Buffers.ReadOnlySequence<byte> payload, DateTimeOffset receivedAt,
        ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        var parsed = QualityPayloadParser.Parse(payload, receivedAt, tankId, pointId);
        if (!parsed.IsAccepted)
        {
            await RefuseAsync(campId, tankId, pointId, parsed.Reason!.Value, parsed.Detail, acknowledge, cancellationToken);
            return;
        }

        await _queue.Writer.WriteAsync(new Work(campId, parsed.Reading!, acknowledge), cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await HandleWork(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Unacknowledged readings stay with the broker's session and come again after a restart.
        }
    }

    private async Task HandleWork(Work work, CancellationToken stoppingToken)
    {
        var reading = work.Reading;
        if (!await IsKnownCampAsync(work.CampId, stoppingToken))
        {
            await RefuseAsync(work.CampId, reading.TankId, reading.PointId, RejectReason.UnknownTank, $"no camp '{work.CampId}' in the registry", work.Acknowledge, stoppingToken);
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await grains.GetGrain<IServicesGrain>(work.CampId).RecordQuality(reading);
                if (result.Outcome == QualityOutcome.UnknownPlace)
                {
                    var (reason, what) = reading.PointId is { } point
                        ? (RejectReason.UnknownPoint, $"camp '{work.CampId}' has no water point '{point}'")
                        : (RejectReason.UnknownTank, $"camp '{work.CampId}' has no tank '{reading.TankId}'");
                    await RefuseAsync(work.CampId, reading.TankId, reading.PointId, reason, what, work.Acknowledge, stoppingToken);
                    return;
                }

                metrics.Outcome(result.Outcome);
                await AcknowledgeAsync(work, stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < MaxAttempts)
            {
                LogRetry(e, work.CampId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(10_000, 200 * Math.Pow(2, attempt))), clock, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not acknowledged: the broker keeps it in the session and delivers it again after a reconnect.
                metrics.Failed();
                LogGaveUp(e, work.CampId, attempt);
                return;
            }
        }
    }

    private async Task<bool> IsKnownCampAsync(string campId, CancellationToken cancellationToken)
    {
        if (_camps.Contains(campId))
        {
            return true;
        }

        await readiness.WaitForRegistryAsync(clock, RegistryWait, cancellationToken);
        var now = clock.GetUtcNow();
        if (now - _campsReadAt < CampRetryGap)
        {
            return false;
        }

        _campsReadAt = now;
        try
        {
            _camps = new HashSet<string>(await grains.GetGrain<IRegistryGrain>(0).GetCampIds(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without the list, take the reading to the camp: its services know whether it exists.
            LogRegistryUnread(e.Message);
            return true;
        }

        return _camps.Contains(campId);
    }

    private async ValueTask RefuseAsync(
        string campId, string? tankId, string? pointId, RejectReason reason, string? detail, ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        ingestion.Rejected(reason);
        rejections.Write($"{campId}/{(pointId is null ? "tanks/" + tankId : "points/" + pointId)}/quality", RejectReasons.Name(reason), detail);
        await MqttIngestion.AcknowledgeRefused(acknowledge, cancellationToken);
    }

    private async Task AcknowledgeAsync(Work work, CancellationToken stoppingToken)
    {
        if (work.Acknowledge is null)
        {
            return;
        }

        try
        {
            await work.Acknowledge(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Taken but the connection dropped: the broker sends it again, and the camp knows it as a duplicate.
            LogAckFailed(work.CampId, e.Message);
        }
    }

    private readonly record struct Work(string CampId, QualityReading Reading, ReadingPipeline.Acknowledge? Acknowledge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Camp {Camp} did not take a water quality reading (attempt {Attempt}); retrying")]
    private partial void LogRetry(Exception e, string camp, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Camp {Camp} did not take a water quality reading after {Attempts} attempts; it stays unacknowledged for redelivery")]
    private partial void LogGaveUp(Exception e, string camp, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Water quality reading of camp {Camp} taken but not acknowledged: {Error}")]
    private partial void LogAckFailed(string camp, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The list of camps could not be read for a water quality reading: {Error}")]
    private partial void LogRegistryUnread(string error);
}
