using CampWater.Registry;
using CampWater.Status;
using static CampWater.Alerts.AlertText;

namespace CampWater.Alerts;

/// <summary>
/// coverage-low, a camp alert: a complete camp-local day whose litres per person fell short of the
/// target is a warning, and critical below the emergency minimum. Judged once per ended day (again, late,
/// for a day first judged with too few readings: <see cref="CoverageJudge"/>), so each verdict is a change;
/// a day that meets the target clears the alert.
/// </summary>
public static class CoverageRule
{
    /// <summary>A day with too few readings says nothing about coverage: it neither raises nor clears.</summary>
    public const double MinimumCompleteness = Water.CampRollup.JudgedCompleteness;

    /// <param name="day">One ended camp-local day.</param>
    /// <param name="dayEnd">The instant that day ended; the signal's time.</param>
    public static AlertSignal? Evaluate(DailyCoverage day, DateTimeOffset dayEnd)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.Completeness < MinimumCompleteness || day.Met is null || day.Lpd is not { } lpd || !double.IsFinite(lpd))
        {
            return null;
        }

        var target = day.TargetLpd;
        var date = Date(day.Date);
        if (lpd >= target)
        {
            return new AlertSignal(AlertKind.CoverageLow, false, AlertSeverity.Warning, lpd, target,
                $"{Pct(lpd)} L per person on {date} met the target of {Pct(target)} L", dayEnd)
                .Worded("alert.msg.coverage-low.cleared", ("lpd", Pct(lpd)), ("date", date), ("target", Pct(target)));
        }

        // The emergency minimum marks the severity, not a second condition: a camp that set its target
        // below it has said what it accepts.
        return lpd < CampConfig.EmergencyMinimumLpd
            ? new AlertSignal(AlertKind.CoverageLow, true, AlertSeverity.Critical, lpd, CampConfig.EmergencyMinimumLpd,
                $"Only {Pct(lpd)} L per person on {date}, below the emergency minimum of {Pct(CampConfig.EmergencyMinimumLpd)} L (target {Pct(target)} L)", dayEnd)
                .Worded("alert.msg.coverage-low.critical", ("lpd", Pct(lpd)), ("date", date), ("minimum", Pct(CampConfig.EmergencyMinimumLpd)), ("target", Pct(target)))
            : new AlertSignal(AlertKind.CoverageLow, true, AlertSeverity.Warning, lpd, target,
                $"Only {Pct(lpd)} L per person on {date}, below the target of {Pct(target)} L", dayEnd)
                .Worded("alert.msg.coverage-low.warning", ("lpd", Pct(lpd)), ("date", date), ("target", Pct(target)));
    }
}
