using CampWater.Alerts;
using CampWater.Archive;
using CampWater.Grains;
using CampWater.Readings;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Water;
using Microsoft.Extensions.Logging;

namespace CampWater.Tanks;

/// <summary>
/// One water tank. Thin on purpose: the maths is <see cref="TankModel"/>; the grain keeps the record,
/// persists it and tells its camp what changed.
/// </summary>
internal sealed partial class TankGrain(
    [PersistentState("tank", StorageNames.State)] IPersistentState<TankRecord> state,
    [PersistentState("history", StorageNames.State)] IPersistentState<TankHistoryRecord> history,
    CampClock clock,
    IArchive archive,
    ILogger<TankGrain> logger) : Grain, ITankGrain
{
    private TankGeometry? _geometry;
    private TimeZoneInfo _zone = TimeZoneInfo.Utc;
    private ICampGrain? _camp;
    private HistorySplit _historySplit = null!;

    private TankRecord Tank => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        RestoreHistory();
        Refresh();
        if (_geometry is not null && Tank.PendingSignals.Count > 0)
        {
            // Signals stored before a crash that the camp may never have taken: it skips those it has.
            return Task.WhenAll(NotifyCamp([]), ReportFills());
        }

        return ReportFills();
    }

    public async Task<ApplyOutcome> Apply(TankReading reading) => (await ApplyBatch([reading]))[0];

    public async Task<ApplyOutcome[]> ApplyBatch(TankReading[] readings)
    {
        var outcomes = new ApplyOutcome[readings.Length];
        if (_geometry is null)
        {
            // Nobody configured this tank: do not keep an activation around for a stray topic.
            DeactivateOnIdle();
            Array.Fill(outcomes, ApplyOutcome.UnknownTank);
            return outcomes;
        }

        List<TankDayRecord>? changedDays = null;
        for (var i = 0; i < readings.Length; i++)
        {
            var result = TankModel.Apply(Tank, readings[i], _geometry, _zone);
            outcomes[i] = result.Outcome;
            Archive(readings[i], result.Outcome);
            if (!result.ChangedState)
            {
                continue;
            }

            foreach (var signal in Evaluate(result, readings[i]))
            {
                Tank.PendingSignals.Add(new SequencedSignal(++Tank.LastSignalSeq, signal));
            }

            changedDays ??= [];
            foreach (var day in result.ChangedDays)
            {
                var at = changedDays.FindIndex(d => d.Date == day.Date);
                if (at >= 0)
                {
                    changedDays[at] = day;
                }
                else
                {
                    changedDays.Add(day);
                }
            }
        }

        if (changedDays is not null)
        {
            // Stored before the caller acknowledges the readings to the broker: what was acknowledged survives a crash.
            await WriteStateAsync();
            await NotifyCamp(changedDays);
            await ReportFills();
        }

        return outcomes;
    }

    public async Task<ApplyOutcome[]> ApplyInflow(InflowReading[] readings)
    {
        var outcomes = new ApplyOutcome[readings.Length];
        if (_geometry is null)
        {
            DeactivateOnIdle();
            Array.Fill(outcomes, ApplyOutcome.UnknownTank);
            return outcomes;
        }

        var changedDays = new List<TankDayRecord>();
        for (var i = 0; i < readings.Length; i++)
        {
            var (outcome, changed) = InflowModel.Apply(Tank, readings[i], _zone);
            outcomes[i] = outcome;
            foreach (var day in changed)
            {
                var at = changedDays.FindIndex(d => d.Date == day.Date);
                if (at >= 0)
                {
                    changedDays[at] = day;
                }
                else
                {
                    changedDays.Add(day);
                }
            }
        }

        if (changedDays.Count > 0)
        {
            await WriteStateAsync();
            await NotifyCamp(changedDays);
        }

        return outcomes;
    }

    public Task SignalsTaken(long seq)
    {
        // Forgotten in memory now, in storage with the next write; sent again meanwhile only after a crash.
        Tank.PendingSignals.RemoveAll(s => s.Seq <= seq);
        return Task.CompletedTask;
    }

    public Task FillsTaken(long seq)
    {
        // As with signals: forgotten in memory now, in storage with the next write.
        Tank.Fills.Pending.RemoveAll(f => f.Seq <= seq);
        return Task.CompletedTask;
    }

    public Task<TankStatus?> GetStatus() =>
        Task.FromResult(_geometry is null ? null : CurrentStatus());

    public Task<TankConfig?> GetConfig() => Task.FromResult(Tank.Config);

    public async Task<TankStatus> Configure(TankConfig config, CampContext camp)
    {
        TankModel.Reconfigure(Tank, Tank.Config, config);
        Tank.Config = config;
        Tank.CampId = camp.CampId;
        Tank.TimeZone = camp.TimeZone;
        Tank.DefaultServesPopulation = camp.DefaultServesPopulation;
        Tank.QuietHours = camp.QuietHours;
        Refresh();
        await WriteStateAsync();
        var status = CurrentStatus();
        return status;
    }

    public async Task ResetAlert(AlertKind kind)
    {
        if (kind == AlertKind.SensorFault)
        {
            Tank.FaultAlertRaised = false;
        }
        else
        {
            Tank.AlertMemory.Reset(kind);
        }

        await WriteStateAsync();
    }

    public Task SetOpenAlerts(int openAlerts)
    {
        // Not persisted on its own: the camp says it again after every change, and on its activation.
        Tank.OpenAlerts = openAlerts;
        return Task.CompletedTask;
    }

    public Task<LevelPoint[]> GetLevels(DateTimeOffset from, DateTimeOffset to, int maxPoints) =>
        Task.FromResult(TankModel.Levels(Tank, from, to, maxPoints));

    public Task<TankDayRecord[]> GetDays(DateOnly from, DateOnly to) =>
        Task.FromResult(TankModel.DaysBetween(Tank, from, to));

    private TankStatus CurrentStatus() => TankModel.Status(Tank, _geometry!, _zone, clock.UtcNow);

    /// <summary>The tank's alert rules on what the reading changed; the camp turns signals into alerts.</summary>
    private AlertSignal[] Evaluate(TankApplyResult result, TankReading reading)
    {
        var config = Tank.Config!;
        if (result.Outcome == ApplyOutcome.SensorFault)
        {
            if (Tank.FaultAlertRaised)
            {
                return [];
            }

            Tank.FaultAlertRaised = true;
            LogFault(this.GetPrimaryKeyString(), reading.Ts, result.Detail);
            return [TankAlertRules.FaultRaised(reading.Ts, result.Detail ?? "physically impossible reading")];
        }

        var signals = new List<AlertSignal>(2);
        if (Tank.FaultAlertRaised && Tank.FaultSince is null)
        {
            Tank.FaultAlertRaised = false;
            signals.Add(TankAlertRules.FaultCleared(reading.Ts));
        }

        // The rules judge the estimate, not the reading: a jump they see only once the next reading confirmed it
        // (dated when it happened), a wild reading never.
        foreach (var estimate in (ReadOnlySpan<TankEstimate?>)[result.Confirmed, result.Current])
        {
            if (estimate is { } e)
            {
                signals.AddRange(TankAlertRules.Evaluate(
                    Tank.AlertMemory, TankAlertInput.Of(e, _geometry!.CapacityL, config.Thresholds, Tank.QuietHours, _zone)));
            }
        }

        return [.. signals];
    }

    private Task NotifyCamp(IReadOnlyList<TankDayRecord> changedDays)
    {
        // Kept: GetGrain resolves the interface by reflection each time, and this runs for every reading.
        var camp = _camp ??= GrainFactory.GetGrain<ICampGrain>(Tank.CampId!);
        return camp.TankChanged(CurrentStatus(), [.. changedDays], [.. Tank.PendingSignals]);
    }

    /// <summary>The fills seen and not yet taken go to the camp's trucking, which skips those it has (see <see cref="Trucking.FillDetector"/>).</summary>
    private Task ReportFills() =>
        Tank.CampId is { } campId && Tank.Fills.Pending.Count > 0
            ? GrainFactory.GetGrain<ITruckingGrain>(campId).FillsSeen(Tank.Config!.Id, [.. Tank.Fills.Pending])
            : Task.CompletedTask;

    /// <summary>
    /// Every accepted reading goes to the archive, late ones included; duplicates were archived before.
    /// Before the state is written: a redelivery after a failed write is a duplicate here, and the
    /// archive (same series and time) takes a second copy as the same point.
    /// </summary>
    private void Archive(TankReading reading, ApplyOutcome outcome)
    {
        if (outcome is ApplyOutcome.Applied or ApplyOutcome.Wild or ApplyOutcome.Late or ApplyOutcome.SensorFault)
        {
            var config = Tank.Config!;
            archive.ReadingAccepted(Tank.CampId!, config.Id, reading, ReadingInterpreter.Interpret(reading.Kind, reading.Value, _geometry!, config.Sensor));
        }
    }

    /// <summary>
    /// The history is the history record's points, then those of the tail written since; a record stored
    /// before the history had its own record brings its whole history as the tail. The tank's history is the
    /// history record's list itself, so a week of points is not kept twice in memory.
    /// </summary>
    private void RestoreHistory()
    {
        var points = history.State.Points;
        _historySplit = HistorySplit.Restore(points, [.. Tank.LegacyHistory ?? [], .. Tank.HistoryTail], Tank.Latest?.Ts);
        Tank.History = points;
        Tank.LegacyHistory = null;
    }

    /// <summary>
    /// Writes the tank record with the few history points added since the last flush; when those are due,
    /// writes the whole history first, so that the tank record written after it can drop them.
    /// </summary>
    private async Task WriteStateAsync()
    {
        if (_historySplit.FlushDue(Tank.History))
        {
            history.State.Points = Tank.History;
            await history.WriteStateAsync();
            _historySplit.Flushed(Tank.History);
        }

        _historySplit.FillTail(Tank.History, Tank.HistoryTail);
        await state.WriteStateAsync();
    }

    private void Refresh()
    {
        _camp = null;
        if (Tank.Config is null)
        {
            _geometry = null;
            return;
        }

        _geometry = TankGeometry.From(Tank.Config);
        _zone = CampCalendar.Zone(Tank.TimeZone);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tank {Tank}: sensor fault in the reading of {Ts}: {Reason}")]
    private partial void LogFault(string tank, DateTimeOffset ts, string? reason);
}
