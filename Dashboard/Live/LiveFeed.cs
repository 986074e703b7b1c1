using CampWater.Alerts;
using CampWater.Dashboard.Api;
using CampWater.Grains;
using CampWater.Status;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampWater.Dashboard.Live;

/// <summary>
/// Bridges camp grains to hub groups. It listens (as one grain observer) to every camp that at least one
/// browser watches, renews those subscriptions before they expire, and coalesces tank updates to at
/// most one per tank per second; camp and alert changes pass straight through.
/// </summary>
public sealed partial class LiveFeed(
    IGrainFactory grains,
    IHubContext<LiveHub> hub,
    TimeProvider clock,
    ILogger<LiveFeed> logger) : BackgroundService, ICampObserver
{
    public const string AllCamps = "*";
    public static readonly TimeSpan TankUpdateInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    /// <summary>A subscription call that takes longer means the camp's silo is gone; do not hold the feed up.</summary>
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan FlushEvery = TimeSpan.FromMilliseconds(100);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _watchesByConnection = new(StringComparer.Ordinal);
    private readonly HashSet<string> _subscribed = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Camp, string Tank), DateTimeOffset> _lastSent = [];
    private readonly Dictionary<(string Camp, string Tank), TankStatus> _pending = [];
    private ICampObserver? _reference;

    public static bool IsWatchable(string campId) => campId == AllCamps || Ids.IsValid(campId);

    public static string GroupOf(string campId) => "camp:" + campId;

    public async Task WatchAsync(string connectionId, string campId)
    {
        lock (_lock)
        {
            if (!_watchesByConnection.TryGetValue(connectionId, out var watches))
            {
                _watchesByConnection[connectionId] = watches = new(StringComparer.Ordinal);
            }

            watches.Add(campId);
        }

        await SyncSubscriptions();
    }

    public async Task UnwatchAsync(string connectionId, string campId)
    {
        lock (_lock)
        {
            if (_watchesByConnection.TryGetValue(connectionId, out var watches))
            {
                watches.Remove(campId);
            }
        }

        await SyncSubscriptions();
    }

    public async Task ForgetAsync(string connectionId)
    {
        lock (_lock)
        {
            _watchesByConnection.Remove(connectionId);
        }

        await SyncSubscriptions();
    }

    public Task TankUpdated(TankStatus status)
    {
        var key = (status.CampId, status.TankId);
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_lastSent.TryGetValue(key, out var last) && now - last < TankUpdateInterval)
            {
                _pending[key] = status;
                return Task.CompletedTask;
            }

            _lastSent[key] = now;
            _pending.Remove(key);
        }

        return SendTank(status);
    }

    public Task AlertChanged(Alert alert) =>
        hub.Clients.Groups(GroupOf(alert.CampId), GroupOf(AllCamps)).SendAsync("alertChanged", alert);

    public Task CampUpdated(CampSummary summary) =>
        hub.Clients.Groups(GroupOf(summary.CampId), GroupOf(AllCamps)).SendAsync("campUpdated", summary);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<ICampObserver>(this);
        var lastRenewal = clock.GetUtcNow();
        using var timer = new PeriodicTimer(FlushEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await FlushDue();
                if (clock.GetUtcNow() - lastRenewal >= RenewEvery)
                {
                    lastRenewal = clock.GetUtcNow();
                    await SyncSubscriptions(renew: true);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The cluster is away (a silo restarting): try again in a few seconds, not at the next renewal,
                // so that live updates resume as soon as the camps are back.
                LogFeedError(e);
                lastRenewal = clock.GetUtcNow() - RenewEvery + RetryAfterFailure;
            }
        }
    }

    private async Task FlushDue()
    {
        var now = clock.GetUtcNow();
        List<TankStatus>? due = null;
        lock (_lock)
        {
            foreach (var (key, status) in _pending)
            {
                if (now - _lastSent.GetValueOrDefault(key) >= TankUpdateInterval)
                {
                    (due ??= []).Add(status);
                }
            }

            foreach (var status in due ?? [])
            {
                var key = (status.CampId, status.TankId);
                _pending.Remove(key);
                _lastSent[key] = now;
            }
        }

        foreach (var status in due ?? [])
        {
            await SendTank(status);
        }
    }

    private Task SendTank(TankStatus status) =>
        hub.Clients.Groups(GroupOf(status.CampId), GroupOf(AllCamps)).SendAsync("tankUpdated", status);

    /// <summary>Subscribes to the camps someone watches and drops the others; with renew, re-subscribes all.</summary>
    private async Task SyncSubscriptions(bool renew = false)
    {
        if (_reference is null)
        {
            return;
        }

        HashSet<string> wanted;
        bool all;
        lock (_lock)
        {
            wanted = new(_watchesByConnection.Values.SelectMany(w => w), StringComparer.Ordinal);
            all = wanted.Remove(AllCamps);
        }

        if (all)
        {
            wanted.UnionWith(await grains.GetGrain<IRegistryGrain>(0).GetCampIds());
        }

        List<string> toAdd, toRemove;
        lock (_lock)
        {
            toAdd = renew ? [.. wanted] : [.. wanted.Where(c => !_subscribed.Contains(c))];
            toRemove = [.. _subscribed.Where(c => !wanted.Contains(c))];
            _subscribed.UnionWith(wanted);
            _subscribed.ExceptWith(toRemove);
        }

        foreach (var camp in toAdd)
        {
            await grains.GetGrain<ICampGrain>(camp).Subscribe(_reference).WaitAsync(CallTimeout);
        }

        foreach (var camp in toRemove)
        {
            await grains.GetGrain<ICampGrain>(camp).Unsubscribe(_reference);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is not null)
        {
            grains.DeleteObjectReference<ICampObserver>(_reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed could not forward or renew its subscriptions; it will retry")]
    private partial void LogFeedError(Exception e);
}
