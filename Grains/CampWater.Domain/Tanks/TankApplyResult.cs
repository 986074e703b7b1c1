using CampWater.Readings;
using CampWater.Status;

namespace CampWater.Tanks;

/// <summary>The outcome of a reading and the ledger days it changed (empty unless applied).</summary>
public readonly record struct TankApplyResult(ApplyOutcome Outcome, IReadOnlyList<TankDayRecord> ChangedDays, string? Detail = null, double DrawnL = 0)
{
    public bool ChangedState => Outcome is ApplyOutcome.Applied or ApplyOutcome.SensorFault;
}
