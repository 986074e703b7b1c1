using System.Collections.Immutable;
using CampWater.Alerts;
using CampWater.Archive;
using CampWater.Changes;
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
internal sealed partial class CampGrain : Grain, ICampGrain, IRemindable
{
    /// <summary>Ledger days cached per tank: yesterday, and the seven complete days of autonomy.</summary>
    private const int CachedDays = 9;

    private static readonly TimeSpan SummaryPushPeriod = TimeSpan.FromSeconds(1);

    /// <summary>How often the camp looks at the wall clock: silent sensors, escalations, ended days.</summary>
    private static readonly TimeSpan WatchPeriod = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A reminder outlives the activation and the silo: it brings the camp back so that a tank that
    /// went silent is flagged even when nothing else calls.
    /// </summary>
    private const string WatchReminder = "watch";

    private readonly IOutbox _outbox;
    private readonly IArchive _archive;

    /// <summary>The host's notification pool; null when notifications are not configured.</summary>
    private readonly CampWater.Notifications.INotificationDispatch? _notify;

    /// <summary>Camp-local days whose coverage changed since it was last archived.</summary>
    private SortedSet<DateOnly>? _coverageChanged;
    private DateTimeOffset _lastPrune;

    private readonly IPersistentState<CampRecord> _state;
    private readonly CampClock _clock;
    private readonly ILogger<CampGrain> _logger;
    private readonly ObserverManager<ICampObserver> _observers;
    private readonly Dictionary<string, TankStatus> _statuses = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<TankDayRecord>> _days = new(StringComparer.Ordinal);

    /// <summary>When each tank was last heard from, by the wall clock; a tank still sending old readings is not silent.</summary>
    private readonly Dictionary<string, DateTimeOffset> _heardAt = new(StringComparer.Ordinal);
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private bool _summaryDirty;

    public CampGrain(
        [PersistentState("camp", StorageNames.State)] IPersistentState<CampRecord> state,
        CampClock clock,
        IOutbox outbox,
        IArchive archive,
        IServiceProvider services,
        ILogger<CampGrain> logger)
    {
        _notify = services.GetService(typeof(CampWater.Notifications.INotificationDispatch)) as CampWater.Notifications.INotificationDispatch;
        _outbox = outbox;
        _archive = archive;
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
            await ConfigureServices(Config);
        }

        this.RegisterGrainTimer(PushSummary, new GrainTimerCreationOptions(SummaryPushPeriod, SummaryPushPeriod) { Interleave = true });
        this.RegisterGrainTimer(Watch, new GrainTimerCreationOptions(WatchPeriod, WatchPeriod));
        if (_archive.CoverageInterval is { } every)
        {
            this.RegisterGrainTimer(ArchiveCoverage, new GrainTimerCreationOptions(every, every));
        }
        if (Config is not null)
        {
            await this.RegisterOrUpdateReminder(WatchReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        try
        {
            await ArchiveCoverage().WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only this activation knew which days changed: say so rather than fail the deactivation.
            LogCoverageNotArchived(this.GetPrimaryKeyString(), e.Message);
        }
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => Watch();

    public Task<CampConfig?> GetConfig() => Task.FromResult(Config);

    public Task<CampSummary?> GetSummary() => Task.FromResult(Config is null ? null : Summary());

    public Task<CampSummary?> GetDetail()
    {
        if (Config is null)
        {
            return Task.FromResult<CampSummary?>(null);
        }

        var tanks = Config.Tanks.Select(t => _statuses.GetValueOrDefault(t.Id)).OfType<TankStatus>().ToArray();
        var today = CampCalendar.LocalDate(_clock.UtcNow, _zone);
        return Task.FromResult<CampSummary?>(Summary() with { Tanks = tanks, Network = CampModel.NetworkToday(Config, _days, today) });
    }

    public async Task<CampSummary> Configure(CampConfig config, bool replaceTanks, string? by = null)
    {
        var tanks = config.Tanks;
        if (!replaceTanks && Config is not null)
        {
            var named = tanks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            tanks = [.. tanks, .. Config.Tanks.Where(t => !named.Contains(t.Id))];
        }

        await Apply(WithKeptServices(WithDatedPopulation(config with { Tanks = tanks })), by);
        return Summary();
    }

    public async Task<PopulationChange[]> SetPopulation(PopulationChange change, string? by = null)
    {
        var config = Config ?? throw new KeyNotFoundException($"Camp '{this.GetPrimaryKeyString()}' does not exist.");
        await Apply(config.WithPopulationFrom(change.From, change.Population), by);
        return PopulationList(Config!);
    }

    /// <summary>The dated populations, oldest first: the first, in force before any change, with no date.</summary>
    internal static PopulationChange[] PopulationList(CampConfig config) =>
        [new PopulationChange(DateOnly.MinValue, config.BasePopulation), .. config.PopulationHistory.IsDefault ? [] : config.PopulationHistory];

    /// <summary>
    /// A camp body's population is the population now: a new figure is recorded from today, and the days before
    /// keep theirs. A body that gives its own dated history (the registry form) is taken as it stands.
    /// </summary>
    private CampConfig WithDatedPopulation(CampConfig config)
    {
        if (!config.PopulationHistory.IsDefault)
        {
            return config.PopulationHistory.IsEmpty ? config.WithPopulations(config.Population, []) : config;
        }

        if (Config is not { } current)
        {
            return config;
        }

        var kept = config.WithPopulations(current.BasePopulation, current.PopulationHistory.IsDefault ? [] : current.PopulationHistory);
        var today = CampCalendar.LocalDate(_clock.UtcNow, CampCalendar.Zone(config.TimeZone));
        return kept.PopulationOn(today) == config.Population ? kept : kept.WithPopulationFrom(today, config.Population);
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

        await Apply(merged, ConfigDiff.RegistryFile);
    }

    public async Task<TankStatus> ConfigureTank(TankConfig tank, string? by = null)
    {
        var config = Config ?? throw new KeyNotFoundException($"Camp '{this.GetPrimaryKeyString()}' does not exist.");
        var tanks = config.Tanks.Any(t => t.Id == tank.Id)
            ? config.Tanks.Select(t => t.Id == tank.Id ? tank : t).ToImmutableArray()
            : config.Tanks.Add(tank);
        await Apply(config with { Tanks = tanks }, by);
        return _statuses[tank.Id];
    }

    public async Task TankChanged(TankStatus status, TankDayRecord[] changedDays, SequencedSignal[] signals)
    {
        if (Config is null || !Config.Tanks.Any(t => t.Id == status.TankId))
        {
            return;
        }

        // This runs for every reading: look through the alert book only when something may change.
        // A tank the camp flagged offline shows as offline in its cached status until it speaks again.
        var changes = new List<(Alert Alert, bool Raised)>();
        if (status.LastReadingAt is { } heard && _statuses.GetValueOrDefault(status.TankId)?.State == TankState.Offline
            && _state.State.Alerts.Open(status.TankId, AlertKind.SensorOffline) is not null)
        {
            Record(changes, status.TankId, TankAlertRules.Online(heard));
        }

        var taken = _state.State.SignalsTakenThrough.GetValueOrDefault(status.TankId);
        var takenBefore = taken;
        foreach (var signal in signals)
        {
            // Signals come again until confirmed, and a later message may overtake an earlier one.
            if (signal.Seq > taken)
            {
                Record(changes, status.TankId, signal.Signal);
                taken = signal.Seq;
            }
        }

        if (taken != takenBefore)
        {
            _state.State.SignalsTakenThrough[status.TankId] = taken;
        }

        _statuses[status.TankId] = status;
        _heardAt[status.TankId] = _clock.UtcNow;
        if (changedDays.Length > 0)
        {
            Merge(status.TankId, changedDays);
            (_coverageChanged ??= []).UnionWith(changedDays.Select(d => d.Date));
        }

        _summaryDirty = true;
        await _observers.Notify(o => o.TankUpdated(status));
        _outbox.TankStatusChanged(status);

        // The first reading after midnight may be what makes yesterday final, and a late one may fill a day judged
        // with too few readings: judge them now, not at the next watch.
        if (changedDays.Length > 0 && _state.State.CoverageJudgedThrough is var judged
            && (judged is null || judged < CampCalendar.LocalDate(_clock.UtcNow, _zone).AddDays(-1)))
        {
            await JudgeEndedDays(Config, _clock.UtcNow, changes);
        }

        if (changedDays.Any(d => _state.State.Coverage.IsWaiting(d.Date)))
        {
            JudgeLateDays(Config, _clock.UtcNow, changes);
        }

        await Publish(changes);
        if (taken != takenBefore)
        {
            if (changes.Count == 0)
            {
                // Signals that changed no alert still count as taken, durably, before the tank forgets them.
                await _state.WriteStateAsync();
            }

            await Tank(status.TankId).SignalsTaken(taken);
        }
    }

    public Task<Alert[]> GetAlerts(AlertFilter filter)
    {
        var alerts = _state.State.Alerts.All
            .Where(a => filter.State switch
            {
                AlertStateFilter.Open => a.IsOpen,
                AlertStateFilter.Resolved => !a.IsOpen,
                _ => true,
            })
            .Where(a => filter.Since is null || a.RaisedAt >= filter.Since || (a.ResolvedAt ?? a.AcknowledgedAt ?? a.RaisedAt) >= filter.Since)
            .OrderByDescending(a => a.RaisedAt)
            .ToArray();
        return Task.FromResult(alerts);
    }

    public Task<Alert?> GetAlert(string alertId) => Task.FromResult(_state.State.Alerts.Find(alertId));

    public async Task<AlertActionOutcome> ActOnAlert(string alertId, AlertAction action)
    {
        var book = _state.State.Alerts;
        var now = _clock.UtcNow;
        AlertActionResult result;
        try
        {
            result = action.Kind switch
            {
                AlertActionKind.Acknowledge => book.Acknowledge(alertId, action.By, action.Text, now),
                AlertActionKind.Assign => book.Assign(alertId, action.Text ?? string.Empty, action.By, now),
                AlertActionKind.Comment => book.Comment(alertId, action.By, action.Text ?? string.Empty, now),
                _ => book.Resolve(alertId, action.By, action.Text, now),
            };
        }
        catch (ArgumentException e)
        {
            return new AlertActionOutcome(null, 400, e.Message);
        }

        if (result.Error == AlertActionError.NotFound)
        {
            return new AlertActionOutcome(null, 404, result.Message);
        }

        if (result.Error == AlertActionError.Conflict)
        {
            return new AlertActionOutcome(result.Alert, 409, result.Message);
        }

        var alert = result.Alert!;
        if (action.Kind == AlertActionKind.Resolve && CampWater.Services.ServiceAlerts.Owns(alert.Kind))
        {
            await ForgetServiceCondition(alert);
        }
        else if (action.Kind == AlertActionKind.Resolve && alert.TankId is { } tankId && alert.Kind != AlertKind.SensorOffline && !IsTruckingAlert(alert.Kind))
        {
            // Resolved by hand while the condition may still hold: let it raise a new alert when it does.
            await Tank(tankId).ResetAlert(alert.Kind);
        }

        await Publish([(alert, false)]);
        return new AlertActionOutcome(alert, 200, null);
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

    private async Task Apply(CampConfig config, string? by)
    {
        var campId = this.GetPrimaryKeyString();
        if (config.Id != campId)
        {
            throw new ArgumentException($"A camp '{config.Id}' cannot be stored as camp '{campId}'.", nameof(config));
        }

        _zone = CampCalendar.Zone(config.TimeZone);
        var serves = CampModel.Serves(config, config.PopulationOn(CampCalendar.LocalDate(_clock.UtcNow, _zone)));
        var statuses = await Task.WhenAll(config.Tanks.Select((tank, i) => Tank(tank.Id).Configure(
            tank, new CampContext(campId, config.TimeZone, config.QuietHours, config.TargetLpd, serves[i]))));

        var changes = ConfigDiff.Between(Config, config, by ?? ConfigDiff.System, _clock.UtcNow);
        _state.State.Config = config;
        await _state.WriteStateAsync();
        await GrainFactory.GetGrain<IRegistryGrain>(0).AddCamp(campId);
        // Recorded after the configuration is stored: a crash between the two may lose the record of a
        // change, but never records one that did not happen.
        await GrainFactory.GetGrain<IChangeLogGrain>(campId).Record([.. changes]);
        await ConfigureServices(config);

        foreach (var status in statuses)
        {
            _statuses[status.TankId] = status;
        }

        foreach (var stale in _statuses.Keys.Where(id => !config.Tanks.Any(t => t.Id == id)).ToList())
        {
            _statuses.Remove(stale);
            _days.Remove(stale);
            _heardAt.Remove(stale);
        }

        _summaryDirty = true;
        await this.RegisterOrUpdateReminder(WatchReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        LogConfigured(campId, by ?? ConfigDiff.System, changes.Length, config.Tanks.Length);
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
            await grain.SetOpenAlerts(_state.State.Alerts.OpenCount(tank.Id));
        }
    }

    /// <summary>The wall-clock rules: silent sensors, escalation of unacknowledged criticals, ended days' coverage.</summary>
    private async Task Watch()
    {
        var config = Config;
        if (config is null)
        {
            return;
        }

        var now = _clock.UtcNow;
        var book = _state.State.Alerts;
        var changes = new List<(Alert Alert, bool Raised)>();
        foreach (var tank in config.Tanks)
        {
            // The tank's own limit: its threshold, stretched for a sensor that reports less often.
            if (_statuses.TryGetValue(tank.Id, out var status) && status.LastReadingAt is { } last
                && Math.Max(status.OfflineAfterMin, tank.Thresholds.OfflineAfterMin) is var limit
                && TankAlertRules.IsSilent(now, last, _heardAt.TryGetValue(tank.Id, out var heard) ? heard : null, limit)
                && book.Open(tank.Id, AlertKind.SensorOffline) is null)
            {
                Record(changes, tank.Id, TankAlertRules.Offline(now, last, limit));
                status = status with { State = TankState.Offline, OpenAlerts = book.OpenCount(tank.Id) };
                _statuses[tank.Id] = status;
                await _observers.Notify(o => o.TankUpdated(status));
                _outbox.TankStatusChanged(status);
            }
        }

        foreach (var escalated in book.Escalate(now))
        {
            changes.Add((escalated, false));
        }

        await JudgeEndedDays(config, now, changes);
        JudgeLateDays(config, now, changes);
        if (now - _lastPrune > TimeSpan.FromHours(1))
        {
            _lastPrune = now;
            if (book.Prune(now) > 0 && changes.Count == 0)
            {
                await _state.WriteStateAsync();
            }
        }

        await Publish(changes);
        ResendNotices();
    }

    /// <summary>
    /// Judges coverage-low for each ended camp-local day whose figures are final (<see cref="CoverageJudge.IsFinal"/>),
    /// oldest first.
    /// </summary>
    private async Task JudgeEndedDays(CampConfig config, DateTimeOffset now, List<(Alert Alert, bool Raised)> changes)
    {
        var yesterday = CampCalendar.LocalDate(now, _zone).AddDays(-1);
        if (CoverageJudge.Unjudged(_state.State.CoverageJudgedThrough, yesterday) is not var (from, to) || !IsFinal(config, from, now))
        {
            return;
        }

        var through = _state.State.CoverageJudgedThrough;
        foreach (var day in CampModel.Coverage(config, DaysByTank(), from, to, _zone))
        {
            if (!IsFinal(config, day.Date, now))
            {
                break;
            }

            if (_state.State.Coverage.Judge(day, CampCalendar.DayBounds(day.Date, _zone).End, now) is { } signal)
            {
                Record(changes, null, signal);
            }

            through = day.Date;
        }

        _state.State.CoverageJudgedThrough = through;
        await _state.WriteStateAsync();
    }

    /// <summary>Judges again the days first judged with too few readings that later readings have filled.</summary>
    private void JudgeLateDays(CampConfig config, DateTimeOffset now, List<(Alert Alert, bool Raised)> changes)
    {
        var waiting = _state.State.Coverage.WaitingDays;
        if (waiting.Count == 0)
        {
            return;
        }

        var yesterday = CampCalendar.LocalDate(now, _zone).AddDays(-1);
        var days = CampModel.Coverage(config, DaysByTank(), waiting[0], waiting[^1], _zone);
        var open = _state.State.Alerts.Open(null, AlertKind.CoverageLow) is not null;
        foreach (var signal in _state.State.Coverage.JudgeLate(days, yesterday, open, now))
        {
            Record(changes, null, signal);
        }
    }

    private Dictionary<string, TankDayRecord[]> DaysByTank() =>
        _days.ToDictionary(kv => kv.Key, kv => kv.Value as TankDayRecord[] ?? [.. kv.Value], StringComparer.Ordinal);

    private bool IsFinal(CampConfig config, DateOnly date, DateTimeOffset now) =>
        CoverageJudge.IsFinal(CampCalendar.DayBounds(date, _zone).End, now, config.Tanks.Select(t => _statuses.GetValueOrDefault(t.Id)?.LastReadingAt));

    private void Record(List<(Alert Alert, bool Raised)> changes, string? tankId, AlertSignal signal)
    {
        var book = _state.State.Alerts;
        var wasOpen = book.Open(tankId, signal.Kind) is not null;
        if (book.Apply(this.GetPrimaryKeyString(), tankId, signal, _clock.UtcNow) is { } alert)
        {
            changes.Add((alert, !wasOpen && alert.IsOpen));
        }
    }

    /// <summary>Persists alert changes, then pushes each at once to live listeners and the outbox.</summary>
    private async Task Publish(IReadOnlyList<(Alert Alert, bool Raised)> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        RecordNotices(changes);
        await _state.WriteStateAsync();
        SendNotices();
        var book = _state.State.Alerts;
        foreach (var (alert, raised) in changes)
        {
            await _observers.Notify(o => o.AlertChanged(alert));
            _outbox.AlertChanged(alert, raised);
            _archive.AlertChanged(alert);
            if (alert.TankId is { } tankId)
            {
                var open = book.OpenCount(tankId);
                await Tank(tankId).SetOpenAlerts(open);
                if (_statuses.TryGetValue(tankId, out var status) && status.OpenAlerts != open)
                {
                    _statuses[tankId] = status with { OpenAlerts = open };
                }
            }
        }

        _summaryDirty = true;
    }

    private async Task PushSummary()
    {
        if (!_summaryDirty || Config is null)
        {
            return;
        }

        _summaryDirty = false;
        if (_observers.Count > 0)
        {
            var summary = Summary();
            await _observers.Notify(o => o.CampUpdated(summary));
        }
    }

    /// <summary>
    /// Sends the coverage of the days that changed since the last call: at most once per
    /// <see cref="IArchive.CoverageInterval"/>, not once per reading. A day's last change (its end
    /// included) goes out within one interval.
    /// </summary>
    private async Task ArchiveCoverage()
    {
        if (_coverageChanged is not { Count: > 0 } dates || Config is null)
        {
            return;
        }

        _coverageChanged = null;
        var campId = this.GetPrimaryKeyString();
        foreach (var day in await GetCoverage(dates.Min, dates.Max))
        {
            if (dates.Contains(day.Date))
            {
                _archive.CoverageChanged(campId, CampCalendar.DayBounds(day.Date, _zone).Start, day);
            }
        }
    }

    private CampSummary Summary() =>
        WithServiceFigures(CampModel.Summary(Config!, _statuses, _days, _zone, _clock.UtcNow, _state.State.Alerts.OpenCounts()));

    private ITankGrain Tank(string tankId) => GrainFactory.GetGrain<ITankGrain>(TankKey.Of(this.GetPrimaryKeyString(), tankId));

    /// <summary>
    /// Puts a tank's changed days into its cached days, in place: this runs for every reading, which almost
    /// always changes only the last day.
    /// </summary>
    private void Merge(string tankId, TankDayRecord[] changed)
    {
        if (_days.GetValueOrDefault(tankId) is not List<TankDayRecord> days)
        {
            days = [.. _days.GetValueOrDefault(tankId) ?? []];
            _days[tankId] = days;
        }

        foreach (var day in changed)
        {
            var i = days.Count - 1;
            while (i >= 0 && days[i].Date > day.Date)
            {
                i--;
            }

            if (i >= 0 && days[i].Date == day.Date)
            {
                days[i] = day;
            }
            else
            {
                days.Insert(i + 1, day);
            }
        }

        var oldest = CampCalendar.LocalDate(_clock.UtcNow, _zone).AddDays(-(CachedDays - 1));
        var stale = 0;
        while (stale < days.Count && days[stale].Date < oldest)
        {
            stale++;
        }

        if (stale > 0)
        {
            days.RemoveRange(0, stale);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Camp {Camp}: the coverage of recently changed days was not archived at deactivation: {Reason}")]
    private partial void LogCoverageNotArchived(string camp, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Camp {Camp} configured by {By}: {Changes} camp or tank changes, {TankCount} tanks")]
    private partial void LogConfigured(string camp, string by, int changes, int tankCount);
}
