using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>
/// A rule's quiet hours: a warning (or info) decided inside them waits until they end on the camp's
/// wall clock; a critical alert goes at once. Nobody is woken for what can wait until morning, and
/// nobody sleeps through a tank running dry.
/// </summary>
public static class QuietHold
{
    /// <summary>True for camp-local <c>HH:mm-HH:mm</c> whose two ends differ (the end may be past midnight).</summary>
    public static bool IsValid(string? quietHours) =>
        quietHours is not null && Registry.QuietHoursText.TryParse(quietHours, out var start, out var end) && start != end;

    /// <summary>When a notification of <paramref name="severity"/> decided at <paramref name="now"/> may go.</summary>
    public static DateTimeOffset ReleaseAt(string? quietHours, AlertSeverity severity, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (quietHours is null || severity >= AlertSeverity.Critical)
        {
            return now;
        }

        var window = QuietWindow.Parse(quietHours);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        if (window.NightOf(local) is not { } night)
        {
            return now;
        }

        var endDate = window.Wraps ? night.AddDays(1) : night;
        var end = endDate.ToDateTime(TimeOnly.FromTimeSpan(window.End), DateTimeKind.Unspecified);
        return FirstInstantAtOrAfter(end, zone);
    }

    /// <summary>The first instant whose camp-local time is <paramref name="local"/> or later (a clock change may skip it, or pass it twice).</summary>
    internal static DateTimeOffset FirstInstantAtOrAfter(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsAmbiguousTime(local))
        {
            // Passed twice when the clocks go back: the first time is the one with the larger offset.
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max()).ToUniversalTime();
        }

        if (!zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        // Skipped when the clocks go forward: the wall clock jumps past it at a whole minute, within
        // a few hours at most; the first minute that reads later is the jump.
        var candidate = new DateTimeOffset(local, zone.GetUtcOffset(local.AddHours(-12)) + TimeSpan.FromHours(3)).ToUniversalTime();
        while (TimeZoneInfo.ConvertTime(candidate, zone).DateTime < local)
        {
            candidate = candidate.AddMinutes(1);
        }

        return candidate;
    }
}
