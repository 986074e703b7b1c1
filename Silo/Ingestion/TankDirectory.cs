using System.Collections.Concurrent;
using System.Threading.Channels;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Silo.Hosting;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// The registry at the edge: which camps and tanks exist, and which tank a LoRaWAN devEui belongs to, so that a
/// message for a camp, tank or device that does not exist is refused here, before any grain is activated or any
/// storage read. The index is read from the camp grains, which own the registry (the file and every change made
/// through the API): again every <see cref="RefreshPeriod"/>, and when a message names what the index does not
/// know, so that a tank or devEui created through the API a moment ago is found with its first message, on
/// every silo. Such a message waits for that read off the MQTT receive loop, so that a flood of made-up ids
/// cannot hold up the readings of real tanks: the misses of a moment share one read (at most one every
/// <see cref="MinRefreshGap"/>, and a single small call when the registry's version has not moved), and when
/// <see cref="MaxWaiting"/> messages are already waiting the next is refused at once.
/// </summary>
public sealed partial class TankDirectory(
    IGrainFactory grains,
    Readiness readiness,
    TimeProvider clock,
    ILogger<TankDirectory> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MinRefreshGap = TimeSpan.FromMilliseconds(250);

    /// <summary>Messages waiting for the registry to be read; a few hundred bytes each.</summary>
    public const int MaxWaiting = 4096;

    /// <summary>How long the first read waits for the registry file to be applied after a start.</summary>
    private static readonly TimeSpan RegistryWait = TimeSpan.FromSeconds(30);

    private const int MaxReportedConflicts = 10_000;

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly ConcurrentDictionary<string, byte> _reportedConflicts = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Channel<Waiting> _waiting = Channel.CreateBounded<Waiting>(new BoundedChannelOptions(MaxWaiting)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    // Keys with messages in _waiting: a later message of such a key waits behind them, so that a tank's readings
    // are never overtaken (and made late) by its own newer ones once the index knows it.
    private readonly ConcurrentDictionary<string, int> _waitingKeys = new(StringComparer.Ordinal);

    private volatile TankIndex _index = TankIndex.Empty;
    private DateTimeOffset _startedAt = DateTimeOffset.MinValue;
    private long? _version;

    public delegate TankAddress? Find(TankIndex index);

    public delegate ValueTask Deliver(TankAddress tank, CancellationToken cancellationToken);

    public delegate ValueTask Refuse(CancellationToken cancellationToken);

    /// <summary>The index as last read; empty until the first read after a start.</summary>
    public TankIndex Current => _index;

    /// <summary>
    /// Whether messages of <paramref name="key"/> are waiting for a read of the registry: a message of that key
    /// must then go through <see cref="ResolveMissAsync"/> too, even when <see cref="Current"/> knows its tank,
    /// to keep its place behind them.
    /// </summary>
    public bool IsWaiting(string key) => !_waitingKeys.IsEmpty && _waitingKeys.ContainsKey(key);

    /// <summary>
    /// Whether any message waits for a read of the registry: almost never, so the callers build the key that
    /// <see cref="IsWaiting"/> asks about only then, and a reading of a known tank allocates nothing for it.
    /// </summary>
    public bool AnyWaiting => !_waitingKeys.IsEmpty;

    /// <summary>
    /// For a message whose tank <see cref="Current"/> does not know: delivers it once a read of the registry that
    /// began after <paramref name="receivedAt"/> finds its tank, or refuses it. Before the first read after a
    /// start it waits for that read, in line: readings the broker kept while the host was down arrive before the
    /// registry file is applied, and must not be refused for it.
    /// </summary>
    /// <param name="key">What the message names (<c>camp/tank</c>, or a devEui), for the log.</param>
    public async ValueTask ResolveMissAsync(string key, DateTimeOffset receivedAt, Find find, Deliver deliver, Refuse refuse, CancellationToken cancellationToken)
    {
        if (!_loaded.Task.IsCompleted)
        {
            await _loaded.Task.WaitAsync(cancellationToken);
            if (find(_index) is { } tank)
            {
                await deliver(tank, cancellationToken);
                return;
            }
        }

        _waitingKeys.AddOrUpdate(key, 1, static (_, n) => n + 1);
        if (!_waiting.Writer.TryWrite(new Waiting(key, receivedAt, find, deliver, refuse)))
        {
            Done(key);
            await refuse(cancellationToken);
        }
    }

    /// <summary>One message of <paramref name="key"/> has left the waiting line.</summary>
    private void Done(string key)
    {
        while (_waitingKeys.TryGetValue(key, out var n))
        {
            if (n <= 1 ? _waitingKeys.TryRemove(KeyValuePair.Create(key, n)) : _waitingKeys.TryUpdate(key, n - 1, n))
            {
                return;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForRegistryAsync(stoppingToken);
            await Task.WhenAll(RefreshPeriodically(stoppingToken), ResolveWaiting(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RefreshPeriodically(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RefreshPeriod, clock);
        do
        {
            // Read in full now and then, whatever the version says: a change whose version step was lost is found too.
            await RefreshAsync(clock.GetUtcNow(), full: true, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task ResolveWaiting(CancellationToken stoppingToken)
    {
        await _loaded.Task.WaitAsync(stoppingToken);
        await foreach (var waiting in _waiting.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                // Found already (a read for a message before it did it): no read of its own, so the line keeps moving.
                if (waiting.Find(_index) is null)
                {
                    await RefreshAsync(waiting.ReceivedAt, full: false, stoppingToken);
                }

                if (waiting.Find(_index) is { } tank)
                {
                    await waiting.Deliver(tank, stoppingToken);
                }
                else
                {
                    await waiting.Refuse(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogResolveFailed(waiting.Key, e.Message);
            }
            finally
            {
                Done(waiting.Key);
            }
        }
    }

    private async Task WaitForRegistryAsync(CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + RegistryWait;
        while (!readiness.RegistryLoaded && clock.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
        }
    }

    /// <param name="asked">When what is asked about arrived: a read that began after it has seen everything it needs.</param>
    /// <param name="full">Read every camp even when the registry's version has not moved.</param>
    private async Task RefreshAsync(DateTimeOffset asked, bool full, CancellationToken cancellationToken)
    {
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (!full && _startedAt >= asked)
            {
                return;
            }

            if (!full && clock.GetUtcNow() - _startedAt is var since && since < MinRefreshGap)
            {
                await Task.Delay(MinRefreshGap - since, clock, cancellationToken);
            }

            _startedAt = clock.GetUtcNow();
            var registry = grains.GetGrain<IRegistryGrain>(0);

            // The version first: a change made after it is read moves it again, and the next read sees that.
            var version = await registry.GetVersion();
            if (!full && version == _version)
            {
                return;
            }

            var campIds = await registry.GetCampIds();
            var configs = await Task.WhenAll(campIds.Select(id => grains.GetGrain<ICampGrain>(id).GetConfig()));
            var index = TankIndex.From(configs.OfType<CampConfig>());
            _index = index;
            _version = version;
            _loaded.TrySetResult();
            foreach (var conflict in index.Conflicts)
            {
                if (_reportedConflicts.Count < MaxReportedConflicts && _reportedConflicts.TryAdd(conflict, 0))
                {
                    LogConflict(conflict);
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The last index stays in use; the next period tries again.
            LogRefreshFailed(e.Message);
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public override void Dispose()
    {
        _refreshing.Dispose();
        base.Dispose();
    }

    private sealed record Waiting(string Key, DateTimeOffset ReceivedAt, Find Find, Deliver Deliver, Refuse Refuse);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry conflict: {Conflict}")]
    private partial void LogConflict(string conflict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The index of camps, tanks and devices could not be read from the registry: {Error}; the previous one stays in use")]
    private partial void LogRefreshFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message for {Key} could not be delivered or refused after the registry was read: {Error}")]
    private partial void LogResolveFailed(string key, string error);
}
