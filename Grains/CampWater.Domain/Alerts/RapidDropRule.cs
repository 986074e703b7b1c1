using static CampWater.Alerts.AlertText;

namespace CampWater.Alerts;

/// <summary>
/// rapid-drop: a leak, a burst pipe or an open tap. The fall of the estimated level must outpace the limit on
/// every reading for <see cref="TankAlertRules.RapidDropSustain"/> before it raises, and stay under half the
/// limit as long before it clears, so that a crowd at the tap stand for a few minutes is not mistaken for a leak.
/// </summary>
internal static class RapidDropRule
{
    public static void Evaluate(TankAlertMemory memory, TankAlertInput input, List<AlertSignal> signals)
    {
        var limit = input.Thresholds.RapidDropPctPerHour;
        var calmBelow = limit / 2;
        var fall = input.FallPctPerHour;
        var ts = input.Ts;

        // An unknown rate breaks both runs: nothing is known to have lasted through it. A run starts where the
        // rate that opened it was measured from, so readings 20 minutes apart can show a fall sustained for 20.
        var from = input.FallSince ?? ts;
        memory.RapidSince = fall > limit ? memory.RapidSince ?? from : null;
        memory.CalmSince = fall < calmBelow ? memory.CalmSince ?? from : null;

        if (!memory.RapidHolds && memory.RapidSince is { } since && ts - since >= TankAlertRules.RapidDropSustain)
        {
            memory.RapidHolds = true;
            signals.Add(new AlertSignal(AlertKind.RapidDrop, true, AlertSeverity.Critical, fall, limit,
                $"Falling {Pct(fall!.Value)} % of capacity per hour for {Minutes(Math.Floor((ts - since).TotalMinutes))} min (limit {Pct(limit)} %/h)", ts)
                .Worded("alert.msg.rapid-drop", ("fall", Pct(fall.Value)), ("forMin", Minutes(Math.Floor((ts - since).TotalMinutes))), ("limit", Pct(limit))));
        }
        else if (memory.RapidHolds && memory.CalmSince is { } calm && ts - calm >= TankAlertRules.RapidDropSustain)
        {
            memory.RapidHolds = false;
            signals.Add(new AlertSignal(AlertKind.RapidDrop, false, AlertSeverity.Critical, fall, calmBelow,
                $"Fall rate {Pct(fall!.Value)} %/h has stayed below {Pct(calmBelow)} %/h for {Minutes(Math.Floor((ts - calm).TotalMinutes))} min", ts)
                .Worded("alert.msg.rapid-drop.cleared", ("fall", Pct(fall.Value)), ("calm", Pct(calmBelow)), ("forMin", Minutes(Math.Floor((ts - calm).TotalMinutes)))));
        }
    }
}
