using CampWater.Alerts;
using CampWater.Readings;
using CampWater.Registry;
using CampWater.Status;

namespace CampWater.Grains;

/// <summary>One water tank: its configuration, level, ledger and recent history. Key: <see cref="TankKey"/>.</summary>
[Alias("campwater.ITankGrain")]
public interface ITankGrain : IGrainWithStringKey
{
    /// <summary>Takes one reading; readings are applied in timestamp order.</summary>
    [Alias("Apply")]
    Task<ApplyOutcome> Apply(TankReading reading);

    /// <summary>
    /// Takes readings in the order given, and returns once the state that includes all of them is stored:
    /// one storage write for the lot.
    /// </summary>
    [Alias("ApplyBatch")]
    Task<ApplyOutcome[]> ApplyBatch(TankReading[] readings);

    /// <summary>Takes the running totals of the tank's inflow meter, in the order given; returns once they are stored.</summary>
    [Alias("ApplyInflow")]
    Task<ApplyOutcome[]> ApplyInflow(InflowReading[] readings);

    /// <summary>The camp has stored every alert signal of this tank up to and including <paramref name="seq"/>.</summary>
    [Alias("SignalsTaken"), OneWay]
    Task SignalsTaken(long seq);

    /// <summary>The camp's trucking has every fill up to and including <paramref name="seq"/>.</summary>
    [Alias("FillsTaken"), OneWay]
    Task FillsTaken(long seq);

    [Alias("GetStatus"), ReadOnly]
    Task<TankStatus?> GetStatus();

    [Alias("GetConfig"), ReadOnly]
    Task<TankConfig?> GetConfig();

    /// <summary>Sets the tank's configuration; called by its camp, which owns the list of tanks.</summary>
    [Alias("Configure")]
    Task<TankStatus> Configure(TankConfig config, CampContext camp);

    [Alias("GetLevels"), ReadOnly]
    Task<LevelPoint[]> GetLevels(DateTimeOffset from, DateTimeOffset to, int maxPoints);

    /// <summary>After a manual resolve: forget that the condition holds, so it raises a new alert when it holds again.</summary>
    [Alias("ResetAlert")]
    Task ResetAlert(AlertKind kind);

    /// <summary>The camp, which owns alerts, tells the tank how many of its alerts are open.</summary>
    [Alias("SetOpenAlerts"), OneWay]
    Task SetOpenAlerts(int openAlerts);

    [Alias("GetDays"), ReadOnly]
    Task<TankDayRecord[]> GetDays(DateOnly from, DateOnly to);
}
