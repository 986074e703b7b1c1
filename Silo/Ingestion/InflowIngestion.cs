using System.Threading.Channels;
using CampWater.Grains;
using CampWater.Readings;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// Hands the running totals of inflow meters to their tanks, one at a time in arrival order (a meter reports
/// every few minutes), each acknowledged once it is stored. A camp or tank the registry does not hold is refused
/// at the edge, as level readings are: no grain is woken for it.
/// </summary>
public sealed partial class InflowIngestion(
    IGrainFactory grains,
    TankDirectory directory,
    IngestionMetrics ingestion,
    RejectionLog rejections,
    TimeProvider clock,
    ILogger<InflowIngestion> logger) : BackgroundService
{
    private const int Capacity = 4096;

    private readonly Channel<Work> _queue = Channel.CreateBounded<Work>(new BoundedChannelOptions(Capacity) { SingleReader = true });

    public async ValueTask HandleAsync(
        string campId, string tankId, System.Buffers.ReadOnlySequence<byte> payload, DateTimeOffset receivedAt,
        ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        var parsed = InflowPayloadParser.Parse(payload, receivedAt);
        if (!parsed.IsAccepted)
        {
            await RefuseAsync(campId, tankId, parsed.Reason!.Value, parsed.Detail, acknowledge, cancellationToken);
            return;
        }

        var work = new Work(campId, tankId, parsed.Reading!, acknowledge);
        if (directory.Current.Knows(campId, tankId) && !(directory.AnyWaiting && directory.IsWaiting(WaitingKey(campId, tankId))))
        {
            await _queue.Writer.WriteAsync(work, cancellationToken);
            return;
        }

        await directory.ResolveMissAsync(
            WaitingKey(campId, tankId),
            receivedAt,
            index => index.Knows(campId, tankId) ? new TankAddress(campId, tankId) : null,
            (_, ct) => _queue.Writer.WriteAsync(work, ct),
            ct => RefuseAsync(campId, tankId, RejectReason.UnknownTank, $"the registry has no camp '{campId}' with a tank '{tankId}'", acknowledge, ct),
            cancellationToken);
    }

    /// <summary>The key a tank's meter totals wait under while the index is read, so that a newer total never overtakes them.</summary>
    private static string WaitingKey(string campId, string tankId) => $"inflow:{campId}/{tankId}";

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
            // Unacknowledged totals stay with the broker's session and come again after a restart.
        }
    }

    private async Task HandleWork(Work work, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = (await grains.GetGrain<ITankGrain>(TankKey.Of(work.CampId, work.TankId)).ApplyInflow([work.Reading]))[0];
                if (outcome == ApplyOutcome.UnknownTank)
                {
                    await RefuseAsync(work.CampId, work.TankId, RejectReason.UnknownTank, $"camp '{work.CampId}' has no tank '{work.TankId}'", work.Acknowledge, stoppingToken);
                    return;
                }

                ingestion.Outcome(outcome);
                if (await ReadingPipeline.AcknowledgeTakenAsync(work.Acknowledge, stoppingToken) is { } error)
                {
                    LogAckFailed(work.CampId, work.TankId, error);
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < GrainRetry.MaxAttempts)
            {
                LogRetry(e, work.CampId, work.TankId, attempt);
                await Task.Delay(GrainRetry.Pause(attempt), clock, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not acknowledged: the broker keeps it in the session and delivers it again after a reconnect.
                ingestion.Failed();
                LogGaveUp(e, work.CampId, work.TankId, attempt);
                return;
            }
        }
    }

    private async ValueTask RefuseAsync(
        string campId, string tankId, RejectReason reason, string? detail, ReadingPipeline.Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        ingestion.Rejected(reason);
        rejections.Write($"{campId}/tanks/{tankId}/inflow", RejectReasons.Name(reason), detail);
        await MqttIngestion.AcknowledgeRefused(acknowledge, cancellationToken);
    }

    private readonly record struct Work(string CampId, string TankId, InflowReading Reading, ReadingPipeline.Acknowledge? Acknowledge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tank {Camp}/{Tank} did not take an inflow total (attempt {Attempt}); retrying")]
    private partial void LogRetry(Exception e, string camp, string tank, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tank {Camp}/{Tank} did not take an inflow total after {Attempts} attempts; it stays unacknowledged for redelivery")]
    private partial void LogGaveUp(Exception e, string camp, string tank, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Inflow total of tank {Camp}/{Tank} taken but not acknowledged: {Error}")]
    private partial void LogAckFailed(string camp, string tank, string error);
}
