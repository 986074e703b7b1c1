using static CampWater.Alerts.AlertText;

namespace CampWater.Alerts;

/// <summary>
/// night-draw: water drawn while the taps should be shut (a leak, a tap left open, water taken off the
/// books). The litres of each night's quiet hours are summed; a night over the limit raises once, and
/// the alert resolves once a later night has ended within the limit. A night without readings counts
/// as within it: there is nothing to show it was not.
/// </summary>
internal static class NightDrawRule
{
    public static void Evaluate(TankAlertMemory memory, TankAlertInput input, List<AlertSignal> signals)
    {
        var window = QuietWindow.Parse(input.QuietHours);
        var local = TimeZoneInfo.ConvertTime(input.Ts, input.Zone).DateTime;
        var limitL = input.Thresholds.NightDrawPct / 100 * input.CapacityL;

        // Judge the nights that have ended before counting this reading, so that a clean night followed
        // by a bad one resolves the old alert and raises a new one rather than merging the two.
        if (memory.NightHolds && memory.NightRaisedFor is { } raised && window.LastEndedNight(local) > raised)
        {
            var clean = raised.AddDays(1);
            var cleanL = memory.NightDate == clean ? memory.NightDrawnL : 0;
            memory.NightHolds = false;
            signals.Add(new AlertSignal(AlertKind.NightDraw, false, AlertSeverity.Warning, cleanL, limitL,
                $"Drew {Litres(cleanL)} L during quiet hours {window} on the night of {Date(clean)}, within {Litres(limitL)} L", input.Ts)
                .Worded("alert.msg.night-draw.cleared", ("drawn", Litres(cleanL)), ("window", window.ToString()), ("date", Date(clean)), ("limit", Litres(limitL))));
        }

        if (window.NightOf(local) is not { } night)
        {
            return;
        }

        if (memory.NightDate != night)
        {
            memory.NightDate = night;
            memory.NightDrawnL = 0;
        }

        memory.NightDrawnL += Math.Max(0, input.DrawnL);
        if (memory.NightDrawnL > limitL && memory.NightRaisedFor != night)
        {
            // Still open from an earlier night: the same alert now speaks of this one, and only a clean
            // night after it resolves it.
            memory.NightRaisedFor = night;
            memory.NightHolds = true;
            var share = input.CapacityL > 0 ? $" ({Pct(memory.NightDrawnL / input.CapacityL * 100)} % of capacity)" : "";
            var signal = new AlertSignal(AlertKind.NightDraw, true, AlertSeverity.Warning, memory.NightDrawnL, limitL,
                $"Drew {Litres(memory.NightDrawnL)} L{share} during quiet hours {window}", input.Ts);
            signals.Add(input.CapacityL > 0
                ? signal.Worded("alert.msg.night-draw.share", ("drawn", Litres(memory.NightDrawnL)), ("share", Pct(memory.NightDrawnL / input.CapacityL * 100)), ("window", window.ToString()))
                : signal.Worded("alert.msg.night-draw", ("drawn", Litres(memory.NightDrawnL)), ("window", window.ToString())));
        }
    }
}
