using CampWater.Alerts;
using CampWater.Registry;
using CampWater.Services;
using CampWater.Status;

namespace CampWater.Grains;

/// <summary>One camp: its population, its tanks and their rollup. Key: the camp id.</summary>
[Alias("campwater.ICampGrain")]
public interface ICampGrain : IGrainWithStringKey
{
    [Alias("GetConfig"), ReadOnly]
    Task<CampConfig?> GetConfig();

    /// <summary>The summary, or null for a camp that the registry does not hold.</summary>
    [Alias("GetSummary"), ReadOnly]
    Task<CampSummary?> GetSummary();

    /// <summary>The summary with every tank's status.</summary>
    [Alias("GetDetail"), ReadOnly]
    Task<CampSummary?> GetDetail();

    /// <summary>
    /// Creates or updates the camp. A <c>population</c> different from today's is recorded from today, unless
    /// <paramref name="config"/> gives its own <see cref="CampConfig.PopulationHistory"/>. Tanks named in <paramref name="config"/> are created or updated; with
    /// <paramref name="replaceTanks"/> false, tanks it does not name are kept. Every field that changes is
    /// recorded in the camp's change log (<see cref="IChangeLogGrain"/>) as changed by <paramref name="by"/>.
    /// </summary>
    [Alias("Configure")]
    Task<CampSummary> Configure(CampConfig config, bool replaceTanks, string? by = null);

    /// <summary>
    /// Applies the registry file's definition of this camp unless the same definition was applied
    /// before, so that edits made through the API survive a restart with an unchanged file.
    /// </summary>
    [Alias("Seed")]
    Task Seed(CampConfig config);

    /// <summary>
    /// Records the camp's population from a camp-local date on (a late census may date it in the past); recorded
    /// in the change log as changed by <paramref name="by"/>. Returns the camp's dated populations, oldest first.
    /// </summary>
    [Alias("SetPopulation")]
    Task<PopulationChange[]> SetPopulation(PopulationChange change, string? by = null);

    /// <summary>Creates or updates one tank, recorded in the change log as changed by <paramref name="by"/>.</summary>
    [Alias("ConfigureTank")]
    Task<TankStatus> ConfigureTank(TankConfig tank, string? by = null);

    /// <summary>
    /// A tank reports its new status, the ledger days that changed and every alert signal the camp has not
    /// confirmed yet (<see cref="ITankGrain.SignalsTaken"/>); signals already taken are skipped by number.
    /// </summary>
    [Alias("TankChanged"), OneWay]
    Task TankChanged(TankStatus status, TankDayRecord[] changedDays, SequencedSignal[] signals);

    /// <summary>
    /// The camp's services report the figures of its summary and every alert signal the camp has not confirmed
    /// yet (<see cref="IServicesGrain.SignalsTaken"/>), each naming its place; signals already taken are skipped.
    /// </summary>
    [Alias("ServicesChanged"), OneWay]
    Task ServicesChanged(ServiceFigures figures, SequencedSignal[] signals);

    /// <summary>
    /// The camp's trucking reports every alert signal the camp has not confirmed yet
    /// (<see cref="ITruckingGrain.SignalsTaken"/>), each naming its tank; signals already taken are skipped.
    /// </summary>
    [Alias("TruckingChanged"), OneWay]
    Task TruckingChanged(SequencedSignal[] signals);

    /// <summary>Creates or updates one water point of the camp; <paramref name="by"/> is recorded in its change log.</summary>
    [Alias("ConfigurePoint")]
    Task<WaterPointConfig> ConfigurePoint(WaterPointConfig point, string? by = null);

    /// <summary>Alerts of the camp and its tanks, newest first.</summary>
    [Alias("GetAlerts"), ReadOnly]
    Task<Alert[]> GetAlerts(AlertFilter filter);

    [Alias("GetAlert"), ReadOnly]
    Task<Alert?> GetAlert(string alertId);

    /// <summary>The camp's notifier has stored every alert notice up to <paramref name="through"/>: the camp may forget them.</summary>
    [Alias("NoticesTaken"), OneWay]
    Task NoticesTaken(long through);

    [Alias("ActOnAlert")]
    Task<AlertActionOutcome> ActOnAlert(string alertId, AlertAction action);

    [Alias("GetCoverage"), ReadOnly]
    Task<DailyCoverage[]> GetCoverage(DateOnly from, DateOnly to);

    [Alias("Subscribe")]
    Task Subscribe(ICampObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(ICampObserver observer);
}
