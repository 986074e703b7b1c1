using static CampWater.Alerts.AlertText;

namespace CampWater.Alerts;

/// <summary>
/// low-level: below lowPct a warning, below criticalPct critical, and the open alert follows the level
/// between the two. It clears only 5 points above lowPct so that a level hovering at the threshold
/// does not raise and resolve with every ripple.
/// </summary>
internal static class LowLevelRule
{
    public const double RecoveryMarginPct = 5;

    public static void Evaluate(TankAlertMemory memory, TankAlertInput input, List<AlertSignal> signals)
    {
        var t = input.Thresholds;
        var level = input.LevelPct;
        var recovered = t.LowPct + RecoveryMarginPct;

        AlertSignal? holds = null;
        if (level < t.CriticalPct)
        {
            holds = Signal(input, AlertSeverity.Critical, t.CriticalPct, $"Level {Pct(level)} % is below the critical {Pct(t.CriticalPct)} %")
                .Worded("alert.msg.low-level.critical", ("level", Pct(level)), ("limit", Pct(t.CriticalPct)));
        }
        else if (level < t.LowPct)
        {
            holds = Signal(input, AlertSeverity.Warning, t.LowPct, $"Level {Pct(level)} % is below {Pct(t.LowPct)} %")
                .Worded("alert.msg.low-level.warning", ("level", Pct(level)), ("limit", Pct(t.LowPct)));
        }
        else if (memory.LowHolds && level < recovered)
        {
            // Only reached on the way back up from critical: the alert stays open, but as a warning.
            holds = Signal(input, AlertSeverity.Warning, t.LowPct, $"Level {Pct(level)} % is above {Pct(t.LowPct)} % but not yet back at {Pct(recovered)} %")
                .Worded("alert.msg.low-level.recovering", ("level", Pct(level)), ("limit", Pct(t.LowPct)), ("recovered", Pct(recovered)));
        }

        if (holds is null)
        {
            if (memory.LowHolds)
            {
                memory.LowHolds = false;
                signals.Add(new AlertSignal(AlertKind.LowLevel, false, AlertSeverity.Warning, level, recovered,
                    $"Level {Pct(level)} % is back at or above {Pct(recovered)} %", input.Ts)
                    .Worded("alert.msg.low-level.cleared", ("level", Pct(level)), ("recovered", Pct(recovered))));
            }

            return;
        }

        if (!memory.LowHolds || memory.LowSeverity != holds.Severity)
        {
            memory.LowHolds = true;
            memory.LowSeverity = holds.Severity;
            signals.Add(holds);
        }
    }

    private static AlertSignal Signal(TankAlertInput input, AlertSeverity severity, double threshold, string message) =>
        new(AlertKind.LowLevel, true, severity, input.LevelPct, threshold, message, input.Ts);
}
