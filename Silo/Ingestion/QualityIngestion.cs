using System.Threading.Channels;
using CampWater.Grains;
using CampWater.Services;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// Hands the readings of online water quality sensors to their camps' services, one at a time in arrival
/// order (they are few: a chlorine analyser reports every few minutes), each acknowledged once it is stored.
/// A camp or tank the registry does not hold is refused at the edge, as level readings are, by the registry's
/// index (<see cref="TankDirectory"/>): no grain is woken for it. A water point is its camp's services' to know.
/// </summary>
public sealed partial class QualityIngestion(
    IGrainFactory grains,
    TankDirectory directory,
    IngestionMetrics ingestion,
    QualityMetrics metrics,
    RejectionLog rejections,
    TimeProvider clock,
    ILogger<QualityIngestion> logger) : BackgroundService
{
    private const int Capacity = 4096;

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(Capacity) { SingleReader = true });

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

        var work = new Work(campId, parsed.Reading!, acknowledge);
        if (Known(directory.Current, campId, tankId) && !(directory.AnyWaiting && directory.IsWaiting(WaitingKey(campId, parsed.Reading!))))
        {
            await _queue.Writer.WriteAsync(work, cancellationToken);
            return;
        }

        await ResolveMissAsync(work, receivedAt, cancellationToken);
    }

    /// <summary>What the index must know for a reading to go on: the tank, or for a water point its camp.</summary>
    private static bool Known(TankIndex index, string campId, string? tankId) =>
        tankId is null ? index.KnowsCamp(campId) : index.Knows(campId, tankId);

    /// <summary>The key a place's tests wait under while the index is read, so that a newer test never overtakes them.</summary>
    private static string WaitingKey(string campId, QualityReading reading) => $"quality:{campId}/{reading.TankId ?? reading.PointId}";

    /// <summary>A reading the index does not know where to put: delivered if the registry has it after all, else refused.</summary>
    private ValueTask ResolveMissAsync(Work work, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var reading = work.Reading;
        var place = reading.TankId ?? reading.PointId!;
        return directory.ResolveMissAsync(
            WaitingKey(work.CampId, reading),
            receivedAt,
            index => Known(index, work.CampId, reading.TankId) ? new TankAddress(work.CampId, place) : null,
            (_, ct) => _queue.Writer.WriteAsync(work, ct),
            ct => RefuseAsync(work.CampId, reading.TankId, reading.PointId, RejectReason.UnknownTank,
                reading.TankId is null ? $"no camp '{work.CampId}' in the registry" : $"the registry has no camp '{work.CampId}' with a tank '{reading.TankId}'",
                work.Acknowledge, ct),
            cancellationToken);
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
            catch (Exception e) when (e is not OperationCanceledException && attempt < GrainRetry.MaxAttempts)
            {
                LogRetry(e, work.CampId, attempt);
                await Task.Delay(GrainRetry.Pause(attempt), clock, stoppingToken);
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

    private async ValueTask RefuseAsync(
        string campId, string? tankId, string? pointId, RejectReason reason, string? detail, ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        ingestion.Rejected(reason);
        rejections.Write($"{campId}/{(pointId is null ? "tanks/" + tankId : "points/" + pointId)}/quality", RejectReasons.Name(reason), detail);
        await MqttIngestion.AcknowledgeRefused(acknowledge, cancellationToken);
    }

    private async Task AcknowledgeAsync(Work work, CancellationToken stoppingToken)
    {
        if (await ReadingPipeline.AcknowledgeTakenAsync(work.Acknowledge, stoppingToken) is { } error)
        {
            LogAckFailed(work.CampId, error);
        }
    }

    private readonly record struct Work(string CampId, QualityReading Reading, ReadingPipeline.Acknowledge? Acknowledge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Camp {Camp} did not take a water quality reading (attempt {Attempt}); retrying")]
    private partial void LogRetry(Exception e, string camp, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Camp {Camp} did not take a water quality reading after {Attempts} attempts; it stays unacknowledged for redelivery")]
    private partial void LogGaveUp(Exception e, string camp, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Water quality reading of camp {Camp} taken but not acknowledged: {Error}")]
    private partial void LogAckFailed(string camp, string error);
}
