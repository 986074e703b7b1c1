using CampWater.Readings;
using CampWater.Status;

namespace CampWater.Tanks;

/// <summary>
/// The outcome of a reading, the ledger days it changed (empty unless applied), and the estimates it made for the
/// alert rules, oldest first: a jump held before and now confirmed, and this reading unless it is held in its turn.
/// </summary>
public readonly record struct TankApplyResult(
    ApplyOutcome Outcome,
    IReadOnlyList<TankDayRecord> ChangedDays,
    string? Detail = null,
    TankEstimate? Confirmed = null,
    TankEstimate? Current = null)
{
    public bool ChangedState => Outcome is ApplyOutcome.Applied or ApplyOutcome.Wild or ApplyOutcome.SensorFault;
}
