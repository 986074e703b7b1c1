using System.Collections.Concurrent;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Silo.Hosting;

namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>
/// Finds the tank of a LoRaWAN device by its devEui. The index is read from the camp grains, which own the
/// registry (the file and every change made through the API): again every <see cref="RefreshPeriod"/>, and at
/// once when a device is not found, so a sensor newly registered or moved to another tank is found with its
/// first uplink. An unknown device that sends all day costs little: its misses read the registry again at most
/// every <see cref="DeviceRetryGap"/>, and all misses together at most every <see cref="MinRefreshGap"/>
/// (a miss waits for the next read rather than being refused on an index known to be old).
/// </summary>
public sealed partial class DeviceDirectory(
    IGrainFactory grains,
    Readiness readiness,
    TimeProvider clock,
    ILogger<DeviceDirectory> logger) : BackgroundService
{
    public static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan MinRefreshGap = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan DeviceRetryGap = TimeSpan.FromSeconds(5);

    /// <summary>How long a lookup waits for the registry file to be applied after a start.</summary>
    private static readonly TimeSpan RegistryWait = TimeSpan.FromSeconds(30);

    private const int MaxRememberedUnknown = 10_000;

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private readonly ConcurrentDictionary<string, byte> _reportedConflicts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _missedAt = new(StringComparer.OrdinalIgnoreCase);
    private volatile DeviceIndex _index = DeviceIndex.Empty;
    private DateTimeOffset _startedAt = DateTimeOffset.MinValue;

    public DeviceIndex Current => _index;

    /// <summary>The tank whose sensor has <paramref name="devEui"/>, or null when no tank of the registry has it.</summary>
    public async ValueTask<TankAddress?> FindAsync(string devEui, CancellationToken cancellationToken)
    {
        if (_index.TryFind(devEui, out var tank))
        {
            return tank;
        }

        var now = clock.GetUtcNow();
        if (_missedAt.TryGetValue(devEui, out var missed) && now - missed < DeviceRetryGap)
        {
            return null;
        }

        if (_missedAt.Count >= MaxRememberedUnknown)
        {
            _missedAt.Clear();
        }

        _missedAt[devEui] = now;
        await WaitForRegistryAsync(cancellationToken);
        await RefreshAsync(force: false, cancellationToken);
        if (_index.TryFind(devEui, out tank))
        {
            _missedAt.TryRemove(devEui, out _);
            return tank;
        }

        return null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WaitForRegistryAsync(stoppingToken);
            using var timer = new PeriodicTimer(RefreshPeriod, clock);
            do
            {
                await RefreshAsync(force: true, stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private Task WaitForRegistryAsync(CancellationToken cancellationToken) => readiness.WaitForRegistryAsync(clock, RegistryWait, cancellationToken);

    private async Task RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        var asked = clock.GetUtcNow();
        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            // A read that began after this one was asked for has seen everything this one would.
            if (_startedAt >= asked)
            {
                return;
            }

            if (!force && clock.GetUtcNow() - _startedAt is var since && since < MinRefreshGap)
            {
                await Task.Delay(MinRefreshGap - since, clock, cancellationToken);
            }

            _startedAt = clock.GetUtcNow();
            var registry = grains.GetGrain<IRegistryGrain>(0);
            var campIds = await registry.GetCampIds();
            var configs = await Task.WhenAll(campIds.Select(id => grains.GetGrain<ICampGrain>(id).GetConfig()));
            var index = DeviceIndex.From(configs.OfType<CampConfig>());
            _index = index;
            foreach (var conflict in index.Conflicts)
            {
                if (_reportedConflicts.Count < MaxRememberedUnknown && _reportedConflicts.TryAdd(conflict, 0))
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Registry conflict: {Conflict}")]
    private partial void LogConflict(string conflict);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The LoRaWAN device index could not be read from the registry: {Error}; the previous one stays in use")]
    private partial void LogRefreshFailed(string error);
}
