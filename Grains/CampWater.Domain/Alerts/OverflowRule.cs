using static CampWater.Alerts.AlertText;

namespace CampWater.Alerts;

/// <summary>overflow: above overflowPct a warning; clears 3 points below it, so that a full tank lapping at the threshold stays one alert.</summary>
internal static class OverflowRule
{
    public const double RecoveryMarginPct = 3;

    public static void Evaluate(TankAlertMemory memory, TankAlertInput input, List<AlertSignal> signals)
    {
        var limit = input.Thresholds.OverflowPct;
        var level = input.LevelPct;
        var recovered = limit - RecoveryMarginPct;

        if (!memory.OverflowHolds && level > limit)
        {
            memory.OverflowHolds = true;
            signals.Add(new AlertSignal(AlertKind.Overflow, true, AlertSeverity.Warning, level, limit,
                $"Level {Pct(level)} % is above {Pct(limit)} %", input.Ts)
                .Worded("alert.msg.overflow", ("level", Pct(level)), ("limit", Pct(limit))));
        }
        else if (memory.OverflowHolds && level <= recovered)
        {
            memory.OverflowHolds = false;
            signals.Add(new AlertSignal(AlertKind.Overflow, false, AlertSeverity.Warning, level, recovered,
                $"Level {Pct(level)} % is back at or below {Pct(recovered)} %", input.Ts)
                .Worded("alert.msg.overflow.cleared", ("level", Pct(level)), ("recovered", Pct(recovered))));
        }
    }
}
