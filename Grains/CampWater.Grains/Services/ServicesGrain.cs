using System.Globalization;
using CampWater.Alerts;
using CampWater.Archive;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Water;
using Microsoft.Extensions.Logging;

namespace CampWater.Services;

/// <summary>
/// A camp's services: water quality tests, water points and their tap counts, sanitation counts. Thin like the
/// tank: the rules are <see cref="QualityRules"/> and <see cref="AccessRules"/>; the grain keeps the records,
/// persists them, and hands its alert signals to the camp's alert book, numbered, until the camp confirms them.
/// </summary>
internal sealed partial class ServicesGrain(
    [PersistentState("services", StorageNames.State)] IPersistentState<ServicesRecord> state,
    [PersistentState("quality", StorageNames.State)] IPersistentState<QualityLog> tests,
    CampClock clock,
    IArchive archive,
    ILogger<ServicesGrain> logger) : Grain, IServicesGrain
{
    private ServicesRecord Record => state.State;

    private string CampId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) =>
        // Signals stored before a crash that the camp may never have taken: it skips those it has.
        Record.Config is not null && Record.PendingSignals.Count > 0 ? NotifyCamp() : Task.CompletedTask;

    public async Task<ServiceFigures> Configure(CampConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Id != CampId)
        {
            throw new ArgumentException($"Camp '{config.Id}' cannot configure the services of camp '{CampId}'.", nameof(config));
        }

        var changed = Record.Config is null || ConfigDigest.Of(Record.Config) != ConfigDigest.Of(config);
        Record.Config = config;
        var signals = EvaluateAccess();
        if (changed || signals)
        {
            await state.WriteStateAsync();
        }

        if (signals)
        {
            await NotifyCamp();
        }

        return Figures();
    }

    public Task<ServiceFigures> GetFigures() => Task.FromResult(Record.Config is null ? ServiceFigures.Unknown : Figures());

    public async Task<QualityResult> RecordQuality(QualityReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var config = Record.Config;
        if (config is null || !IsPlace(config, reading))
        {
            return new QualityResult(QualityOutcome.UnknownPlace, null);
        }

        if (tests.State.FindSame(reading) is { } same)
        {
            return new QualityResult(QualityOutcome.Duplicate, same);
        }

        var limits = config.ServicesOrDefault.Quality;
        var problems = QualityRules.Problems(reading, limits);
        var test = new QualityTest(tests.State.NextId(), reading.Ts, reading.TankId, reading.PointId, reading.FrcMgL,
            reading.TurbidityNtu, reading.Ph, reading.EcoliCfu, reading.Source, reading.By, problems.IsEmpty, problems, reading.Note);

        // Only the newest test at a place says what the water is like now; an older one that arrives late is kept.
        var place = QualityPlace.Key(reading.TankId, reading.PointId);
        var memory = Record.Quality;
        var late = memory.NewestAt.TryGetValue(place, out var newest) && newest > reading.Ts;
        var signals = false;
        if (!late)
        {
            memory.NewestAt[place] = reading.Ts;
            foreach (var signal in QualityRules.Judge(memory, reading, limits))
            {
                Pend(signal, reading.TankId, reading.PointId);
                signals = true;
            }
        }

        tests.State.Add(test, clock.UtcNow);
        archive.QualityTested(CampId, test);

        // The memory and the signals first: after a crash between the two writes, the test comes again (a
        // sensor's redelivery, a person's retry) and is judged without raising twice.
        await state.WriteStateAsync();
        await tests.WriteStateAsync();
        if (signals)
        {
            await NotifyCamp();
        }

        if (!problems.IsEmpty)
        {
            LogProblem(CampId, place, string.Join(", ", problems), reading.Source.ToString());
        }

        return new QualityResult(late ? QualityOutcome.Late : QualityOutcome.Recorded, test);
    }

    public Task<QualityTest[]> GetQuality(DateTimeOffset from, DateTimeOffset to) => Task.FromResult(tests.State.Between(from, to));

    public Task<WaterPoint[]> GetPoints() =>
        Task.FromResult(Record.Config is not { } config
            ? []
            : config.ServicesOrDefault.Points.Select(p => WaterPoints.View(p, Record.Points.GetValueOrDefault(p.Id))).ToArray());

    public async Task<WaterPoint?> RecordTapCount(string pointId, TapCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var point = Record.Config?.ServicesOrDefault.Points.FirstOrDefault(p => p.Id == pointId);
        if (point is null)
        {
            return null;
        }

        Record.Points[pointId] = new PointStatus(Math.Clamp(count.UsableTaps, 0, point.Taps), clock.UtcNow, count.By, count.Note);
        var view = WaterPoints.View(point, Record.Points[pointId]);
        EvaluateAccess();
        await state.WriteStateAsync();
        archive.PointStatusChanged(CampId, view);
        await NotifyCamp();
        return view;
    }

    public async Task<Sanitation> RecordSanitation(SanitationCounts counts, string by)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var config = Record.Config ?? throw new KeyNotFoundException($"Camp '{CampId}' does not exist.");
        var now = clock.UtcNow;
        var date = CampCalendar.LocalDate(now, CampCalendar.Zone(config.TimeZone));
        var sanitation = new Sanitation(counts.Latrines, counts.UsableLatrines, counts.Showers, counts.UsableShowers, date, now, by);
        Record.Sanitation = sanitation;
        EvaluateAccess();
        await state.WriteStateAsync();
        archive.SanitationChanged(CampId, sanitation);
        await NotifyCamp();
        return sanitation;
    }

    public Task<Sanitation?> GetSanitation() => Task.FromResult(CurrentSanitation());

    public Task SignalsTaken(long seq)
    {
        // Forgotten in memory now, in storage with the next write; sent again meanwhile only after a crash.
        Record.PendingSignals.RemoveAll(s => s.Seq <= seq);
        return Task.CompletedTask;
    }

    public async Task ResetAlert(string? tankId, string? pointId, AlertKind kind)
    {
        if (ServiceAlerts.IsQuality(kind) && (tankId is not null || pointId is not null))
        {
            Record.Quality.Reset(QualityPlace.Key(tankId, pointId), kind);
        }
        else
        {
            Record.Access.Reset(kind);
        }

        await state.WriteStateAsync();
    }

    private static bool IsPlace(CampConfig config, QualityReading reading) =>
        reading.PointId is { } pointId
            ? reading.TankId is null && config.ServicesOrDefault.Points.Any(p => p.Id == pointId)
            : reading.TankId is { } tankId && config.Tanks.Any(t => t.Id == tankId);

    private Sanitation? CurrentSanitation() =>
        Record.Sanitation
        ?? (Record.Config?.ServicesOrDefault.Sanitation is { } c ? new Sanitation(c.Latrines, c.UsableLatrines, c.Showers, c.UsableShowers, null, null, null) : null);

    private ServiceFigures Figures()
    {
        var sanitation = CurrentSanitation();
        var counts = sanitation is null ? null : new SanitationCounts(sanitation.Latrines, sanitation.UsableLatrines, sanitation.Showers, sanitation.UsableShowers);
        return WaterPoints.Figures(Record.Config!.ServicesOrDefault, Record.Points, counts);
    }

    /// <summary>Judges taps-short and latrines-short on the figures now; true when a signal was added.</summary>
    private bool EvaluateAccess()
    {
        var config = Record.Config!;
        var any = false;
        foreach (var signal in AccessRules.Evaluate(Record.Access, config.PopulationOn(CampCalendar.LocalDate(clock.UtcNow, CampCalendar.Zone(config.TimeZone))), Figures(), config.ServicesOrDefault, clock.UtcNow))
        {
            Pend(signal, null, null);
            any = true;
        }

        return any;
    }

    private void Pend(AlertSignal signal, string? tankId, string? pointId) =>
        Record.PendingSignals.Add(new SequencedSignal(++Record.LastSignalSeq, signal) { TankId = tankId, PointId = pointId });

    private Task NotifyCamp() =>
        GrainFactory.GetGrain<ICampGrain>(CampId).ServicesChanged(Figures(), [.. Record.PendingSignals]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Camp {Camp}: a {Source} water test at {Place} is out of range: {Problems}")]
    private partial void LogProblem(string camp, string place, string problems, string source);
}
