using System.Collections.Concurrent;
using System.Threading.Channels;
using CampWater.Grains;
using CampWater.Readings;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// Hands parsed readings to their tank grains. Readings are spread over a fixed set of lanes by tank, so
/// one tank's readings keep their order while many tanks are served at once. Each reading is
/// acknowledged (to the broker) only after its tank has taken it and stored the state that includes it.
/// </summary>
public sealed partial class ReadingPipeline : BackgroundService
{
    public delegate Task Acknowledge(CancellationToken cancellationToken);

    private const int LaneCapacity = 4096;
    // About a minute of retries: long enough for the cluster to notice a dead silo and move its tanks.
    private const int MaxBatch = 256;
    // Beyond any real registry: only tanks the registry has get here (TankDirectory refuses the others).
    private const int MaxCachedTanks = 1_000_000;
    private readonly Channel<Work>[] _lanes;

    // GetGrain resolves the grain interface by reflection on every call: a tenth of the silo's CPU under load.
    private readonly ConcurrentDictionary<string, ITankGrain> _tanks = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly IngestionMetrics _metrics;
    private readonly RejectionLog _rejections;
    private readonly TimeProvider _clock;
    private readonly ILogger<ReadingPipeline> _logger;

    public ReadingPipeline(IGrainFactory grains, IngestionMetrics metrics, RejectionLog rejections, TimeProvider clock, ILogger<ReadingPipeline> logger)
    {
        _grains = grains;
        _metrics = metrics;
        _rejections = rejections;
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
        var batch = new List<Work>(MaxBatch);
        try
        {
            while (await lane.WaitToReadAsync(stoppingToken))
            {
                // Whatever has queued up goes in one round: under load each tank gets one call and one
                // storage write for all its waiting readings, instead of one per reading.
                while (batch.Count < MaxBatch && lane.TryRead(out var work))
                {
                    batch.Add(work);
                }

                await HandleBatch(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Unacknowledged readings stay with the broker's session and come again after a restart.
        }
    }

    private Task HandleBatch(List<Work> batch, CancellationToken stoppingToken)
    {
        if (batch.Count == 1)
        {
            return HandleTank(batch[0].TankKey, batch, stoppingToken);
        }

        var byTank = new Dictionary<string, List<Work>>(StringComparer.Ordinal);
        foreach (var work in batch)
        {
            if (!byTank.TryGetValue(work.TankKey, out var readings))
            {
                byTank[work.TankKey] = readings = [];
            }

            readings.Add(work);
        }

        return byTank.Count == 1
            ? HandleTank(batch[0].TankKey, batch, stoppingToken)
            : Task.WhenAll(byTank.Select(kv => HandleTank(kv.Key, kv.Value, stoppingToken)));
    }

    private async Task HandleTank(string tankKey, List<Work> works, CancellationToken stoppingToken)
    {
        var tank = _tanks.GetValueOrDefault(tankKey) ?? _grains.GetGrain<ITankGrain>(tankKey);
        var readings = new TankReading[works.Count];
        for (var i = 0; i < readings.Length; i++)
        {
            readings[i] = works[i].Reading;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcomes = await tank.ApplyBatch(readings);
                if (outcomes.Length > 0 && outcomes[0] != ApplyOutcome.UnknownTank && !_tanks.ContainsKey(tankKey))
                {
                    if (_tanks.Count >= MaxCachedTanks)
                    {
                        _tanks.Clear();
                    }

                    _tanks[tankKey] = tank;
                }

                var now = _clock.GetUtcNow();
                for (var i = 0; i < works.Count; i++)
                {
                    _metrics.Outcome(outcomes[i]);
                    _metrics.Latency.Observe(now - readings[i].ReceivedAt);
                    if (outcomes[i] is ApplyOutcome.Applied or ApplyOutcome.Wild)
                    {
                        _metrics.Age.Observe(now - readings[i].Ts);
                    }
                    else
                    {
                        Explain(tankKey, outcomes[i], readings[i]);
                    }

                    await AcknowledgeAsync(works[i], stoppingToken);
                }

                return;
            }
            catch (Exception e) when (e is not OperationCanceledException && attempt < GrainRetry.MaxAttempts)
            {
                LogRetry(e, tankKey, attempt);
                await Task.Delay(GrainRetry.Pause(attempt), _clock, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Not acknowledged: the broker keeps them in the session and delivers them again after a reconnect.
                for (var i = 0; i < works.Count; i++)
                {
                    _metrics.Failed();
                }

                LogGaveUp(e, tankKey, attempt);
                return;
            }
        }
    }

    /// <summary>
    /// A reading the tank did not apply, in one line at most once a minute per tank (it is counted either way):
    /// a sensor whose clock runs behind, or a second sender for one tank, shows up here first.
    /// </summary>
    private void Explain(string tankKey, ApplyOutcome outcome, TankReading reading)
    {
        var ts = reading.Ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        _ = outcome switch
        {
            ApplyOutcome.Late => _rejections.Write(tankKey, "late", $"(ts {ts} is older than the tank's newest reading; archived, not applied)"),
            ApplyOutcome.Duplicate => _rejections.Write(tankKey, "duplicate", $"(ts {ts} was applied already)"),
            ApplyOutcome.SensorFault => _rejections.Write(tankKey, "sensor-fault", $"(ts {ts}: a physically impossible level, recorded as a fault)"),
            ApplyOutcome.UnknownTank => _rejections.Write(tankKey, "unknown-tank", "(no such camp or tank in the registry)"),
            _ => false,
        };
    }

    private async Task AcknowledgeAsync(Work work, CancellationToken stoppingToken)
    {
        if (await AcknowledgeTakenAsync(work.Acknowledge, stoppingToken) is { } error)
        {
            LogAckFailed(work.TankKey, error);
        }
    }

    /// <summary>
    /// Acknowledges a message whose content was taken; the error when the acknowledgement could not be sent.
    /// The connection dropped after it was taken: the broker sends it again, and it is known as a duplicate.
    /// </summary>
    internal static async Task<string?> AcknowledgeTakenAsync(Acknowledge? acknowledge, CancellationToken cancellationToken)
    {
        if (acknowledge is null)
        {
            return null;
        }

        try
        {
            await acknowledge(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return e.Message;
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
