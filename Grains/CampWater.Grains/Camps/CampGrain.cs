using System.Collections.Immutable;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Water;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace CampWater.Camps;

/// <summary>
/// One camp: owns its configuration and list of tanks, rolls up their levels and ledgers, and feeds
/// live listeners. Tank statuses and recent ledger days are cached here, refreshed by the tanks.
/// </summary>
internal sealed partial class CampGrain : Grain, ICampGrain
{
    /// <summary>Ledger days cached per tank: yesterday, and the seven complete days of autonomy.</summary>
    private const int CachedDays = 9;

    private static readonly TimeSpan SummaryPushPeriod = TimeSpan.FromSeconds(1);

    private readonly IPersistentState<CampRecord> _state;
    private readonly CampClock _clock;
    private readonly ILogger<CampGrain> _logger;
    private readonly ObserverManager<ICampObserver> _observers;
    private readonly Dictionary<string, TankStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TankDayRecord>> _days = new(StringComparer.Ordinal);
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private bool _summaryDirty;

    public CampGrain(
        [PersistentState("camp", StorageNames.State)] IPersistentState<CampRecord> state,
        CampClock clock,
        ILogger<CampGrain> logger)
    {
        _state = state;
        _clock = clock;
        _logger = logger;
        _observers = new ObserverManager<ICampObserver>(TimeSpan.FromMinutes(5), logger);
    }

    private CampConfig? Config => _state.State.Config;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Config is not null)
        {
            _zone = CampCalendar.Zone(Config.TimeZone);
            await LoadTanks();
        }

        this.RegisterGrainTimer(PushSummary, new GrainTimerCreationOptions(SummaryPushPeriod, SummaryPushPeriod) { Interleave = true });
    }

    public Task<CampConfig?> GetConfig() => Task.FromResult(Config);

    public Task<CampSummary?> GetSummary() => Task.FromResult(Config is null ? null : Summary());

    public Task<CampSummary?> GetDetail()
    {
        if (Config is null)
        {
            return Task.FromResult<CampSummary?>(null);
        }

        var tanks = Config.Tanks.Select(t => _statuses.GetValueOrDefault(t.Id)).OfType<TankStatus>().ToArray();
        return Task.FromResult<CampSummary?>(Summary() with { Tanks = tanks });
    }

    public async Task<CampSummary> Configure(CampConfig config, bool replaceTanks)
    {
        var tanks = config.Tanks;
        if (!replaceTanks && Config is not null)
        {
            var named = tanks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            tanks = [.. tanks, .. Config.Tanks.Where(t => !named.Contains(t.Id))];
        }

        await Apply(config with { Tanks = tanks });
        return Summary();
    }

    public async Task Seed(CampConfig fromFile)
    {
        var record = _state.State;
        var campDigest = ConfigDigest.Of(fromFile with { Tanks = [] });
        var current = Config;

        // The file wins only where it says something new; what the API changed since stays.
        var campFields = current is null || record.SeededCampDigest != campDigest ? fromFile : current;
        var tanks = new List<TankConfig>();
        var tankDigests = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tank in fromFile.Tanks)
        {
            var digest = ConfigDigest.Of(tank);
            tankDigests[tank.Id] = digest;
            var existing = current?.Tanks.FirstOrDefault(t => t.Id == tank.Id);
            tanks.Add(existing is not null && record.SeededTankDigests.GetValueOrDefault(tank.Id) == digest ? existing : tank);
        }

        if (current is not null)
        {
            tanks.AddRange(current.Tanks.Where(t => !tankDigests.ContainsKey(t.Id)));
        }

        var merged = campFields with { Tanks = [.. tanks] };
        record.SeededCampDigest = campDigest;
        foreach (var (id, digest) in tankDigests)
        {
            record.SeededTankDigests[id] = digest;
        }

        if (current is not null && ConfigDigest.Of(current) == ConfigDigest.Of(merged))
        {
            await _state.WriteStateAsync();
            return;
        }

        await Apply(merged);
    }

    public async Task<TankStatus> ConfigureTank(TankConfig tank)
    {
        var config = Config ?? throw new KeyNotFoundException($"Camp '{this.GetPrimaryKeyString()}' does not exist.");
        var tanks = config.Tanks.Any(t => t.Id == tank.Id)
            ? config.Tanks.Select(t => t.Id == tank.Id ? tank : t).ToImmutableArray()
            : config.Tanks.Add(tank);
        await Apply(config with { Tanks = tanks });
        return _statuses[tank.Id];
    }

    public Task TankChanged(TankStatus status, TankDayRecord[] changedDays)
    {
        if (Config is null || !Config.Tanks.Any(t => t.Id == status.TankId))
        {
            return Task.CompletedTask;
        }

        _statuses[status.TankId] = status;
        if (changedDays.Length > 0)
        {
            _days[status.TankId] = Merge(_days.GetValueOrDefault(status.TankId) ?? [], changedDays);
        }

        _summaryDirty = true;
        _observers.Notify(o => o.TankUpdated(status));
        return Task.CompletedTask;
    }

    public async Task<DailyCoverage[]> GetCoverage(DateOnly from, DateOnly to)
    {
        var config = Config ?? throw new KeyNotFoundException($"Camp '{this.GetPrimaryKeyString()}' does not exist.");
        var tasks = config.Tanks.ToDictionary(t => t.Id, t => Tank(t.Id).GetDays(from, to), StringComparer.Ordinal);
        await Task.WhenAll(tasks.Values);
        var days = tasks.ToDictionary(kv => kv.Key, kv => kv.Value.Result, StringComparer.Ordinal);
        return CampModel.Coverage(config, days, from, to, _zone);
    }

    public Task Subscribe(ICampObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ICampObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private async Task Apply(CampConfig config)
    {
        var campId = this.GetPrimaryKeyString();
        if (config.Id != campId)
        {
            throw new ArgumentException($"A camp '{config.Id}' cannot be stored as camp '{campId}'.", nameof(config));
        }

        _zone = CampCalendar.Zone(config.TimeZone);
        var serves = CampRollup.ServesPopulation(config.Population, [.. config.Tanks.Select(t => t.ServesPopulation)]);
        var statuses = await Task.WhenAll(config.Tanks.Select((tank, i) => Tank(tank.Id).Configure(
            tank, new CampContext(campId, config.TimeZone, config.QuietHours, config.TargetLpd, serves[i]))));

        _state.State.Config = config;
        await _state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(0).AddCamp(campId);

        foreach (var status in statuses)
        {
            _statuses[status.TankId] = status;
        }

        foreach (var stale in _statuses.Keys.Where(id => !config.Tanks.Any(t => t.Id == id)).ToList())
        {
            _statuses.Remove(stale);
            _days.Remove(stale);
        }

        _summaryDirty = true;
        LogConfigured(campId, config.Tanks.Length);
    }

    private async Task LoadTanks()
    {
        var config = Config!;
        var today = CampCalendar.LocalDate(_clock.UtcNow, _zone);
        var from = today.AddDays(-(CachedDays - 1));
        foreach (var tank in config.Tanks)
        {
            var grain = Tank(tank.Id);
            if (await grain.GetStatus() is { } status)
            {
                _statuses[tank.Id] = status;
            }

            _days[tank.Id] = await grain.GetDays(from, today);
        }
    }

    private Task PushSummary()
    {
        if (!_summaryDirty || Config is null)
        {
            return Task.CompletedTask;
        }

        _summaryDirty = false;
        if (_observers.Count > 0)
        {
            var summary = Summary();
            _observers.Notify(o => o.CampUpdated(summary));
        }

        return Task.CompletedTask;
    }

    private CampSummary Summary() =>
        CampModel.Summary(Config!, _statuses, _days, _zone, _clock.UtcNow, AlertCounts.None);

    private ITankGrain Tank(string tankId) => GrainFactory.GetGrain<ITankGrain>(TankKey.Of(this.GetPrimaryKeyString(), tankId));

    private IReadOnlyList<TankDayRecord> Merge(IReadOnlyList<TankDayRecord> cached, TankDayRecord[] changed)
    {
        var byDate = cached.ToDictionary(d => d.Date);
        foreach (var day in changed)
        {
            byDate[day.Date] = day;
        }

        var oldest = CampCalendar.LocalDate(_clock.UtcNow, _zone).AddDays(-(CachedDays - 1));
        return [.. byDate.Values.Where(d => d.Date >= oldest).OrderBy(d => d.Date)];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Camp {Camp} configured with {TankCount} tanks")]
    private partial void LogConfigured(string camp, int tankCount);
}
