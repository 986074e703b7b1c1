using System.Threading.Channels;
using CampWater.Grains;
using CampWater.Readings;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// Hands parsed readings to their tank grains. Readings are spread over a fixed set of lanes by tank, so
/// one tank's readings keep their order while many tanks are served at once. Each reading is
/// acknowledged (to the broker) only after its tank has taken it.
/// </summary>
public sealed partial class ReadingPipeline : BackgroundService
{
    public delegate Task Acknowledge(CancellationToken cancellationToken);

    private const int LaneCapacity = 4096;
    private const int MaxAttempts = 5;
    private readonly Channel<Work>[] _lanes;
    private readonly IGrainFactory _grains;
    private readonly IngestionMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReadingPipeline> _logger;

    public ReadingPipeline(IGrainFactory grains, IngestionMetrics metrics, TimeProvider clock, ILogger<ReadingPipeline> logger)
    {
        _grains = grains;
        _metrics = metrics;
        _clock = clock;
        _logger = logger;
        _lanes = new Channel<Work>[Math.Max(8, Environment.ProcessorCount * 8)];
        for (var i = 0; i < _lanes.Length; i++)
        {
            _lanes[i] = Channel.CreateBounded<Work>(new BoundedChannelOptions(LaneCapacity) { SingleReader = true });
        }
    }

    /// <summary>Queues a reading; waits only when the lane is full, which slows the broker down instead of dropping.</summary>
    public ValueTask EnqueueAsync(string campId, string tankId, TankReading reading, Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        var key = TankKey.Of(campId, tankId);
        var lane = (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_lanes.Length);
        return _lanes[lane].Writer.WriteAsync(new Work(key, reading, acknowledge), cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => Task.Run(() => Drain(lane.Reader, stoppingToken), stoppingToken)));

    private async Task Drain(ChannelReader<Work> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in lane.ReadAllAsync(stoppingToken))
            {
                await Handle(work, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Unacknowledged readings stay with the broker's session and come again after a restart.
        }
    }

    private async Task Handle(Work work, CancellationToken stoppingToken)
    {
        var tank = _grains.GetGrain<ITankGrain>(work.TankKey);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await tank.Apply(work.Reading);
                _metrics.Outcome(outcome);
                _metrics.Latency.Observe(_clock.GetUtcNow() - work.Reading.ReceivedAt);
                await AcknowledgeAsync(work, stoppingToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < MaxAttempts)
            {
                LogRetry(e, work.TankKey, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt)), _clock, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not acknowledged: the broker keeps it in the session and delivers it again after a reconnect.
                _metrics.Failed();
                LogGaveUp(e, work.TankKey, attempt);
                return;
            }
        }
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
            // The connection dropped after the tank took the reading: the broker sends it again, and the
            // tank knows it as a duplicate.
            LogAckFailed(work.TankKey, e.Message);
        }
    }

    private readonly record struct Work(string TankKey, TankReading Reading, Acknowledge? Acknowledge);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tank {Tank} did not take a reading (attempt {Attempt}); retrying")]
    private partial void LogRetry(Exception e, string tank, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reading of tank {Tank} taken but not acknowledged: {Error}")]
    private partial void LogAckFailed(string tank, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tank {Tank} did not take a reading after {Attempts} attempts; it stays unacknowledged for redelivery")]
    private partial void LogGaveUp(Exception e, string tank, int attempts);
}
