using CampWater.Registry;

namespace CampWater.Alerts;

/// <summary>
/// A camp's quiet hours on its wall clock. A night is named by the local date its window starts on, so
/// "23:00-04:30" on the night of 29 November runs from 23:00 on the 29th to 04:30 on the 30th.
/// Wall-clock times are compared as such, which is what the camp means by its quiet hours even on
/// the nights the clocks change.
/// </summary>
internal readonly record struct QuietWindow(TimeSpan Start, TimeSpan End)
{
    public bool Wraps => Start > End;

    public static QuietWindow Parse(string quietHours)
    {
        ArgumentNullException.ThrowIfNull(quietHours);
        if (!QuietHoursText.TryParse(quietHours, out var start, out var end))
        {
            throw new ArgumentException($"Quiet hours must be HH:mm-HH:mm, such as '00:00-04:00'; '{quietHours}' is not.", nameof(quietHours));
        }

        if (start == end)
        {
            throw new ArgumentException($"Quiet hours must not start and end at the same time ('{quietHours}').", nameof(quietHours));
        }

        return new QuietWindow(TimeSpan.FromMinutes(start), TimeSpan.FromMinutes(end));
    }

    /// <summary>The night whose window holds <paramref name="local"/>, or null outside quiet hours.</summary>
    public DateOnly? NightOf(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        if (!Wraps)
        {
            return time >= Start && time < End ? date : null;
        }

        if (time >= Start)
        {
            return date;
        }

        return time < End ? date.AddDays(-1) : null;
    }

    /// <summary>The latest night whose window had ended by <paramref name="local"/> (an end is not part of its window).</summary>
    public DateOnly LastEndedNight(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        var endedToday = local.TimeOfDay >= End;

        // The window that ends on a local date started on it, or the day before when it wraps.
        var endingToday = Wraps ? date.AddDays(-1) : date;
        return endedToday ? endingToday : endingToday.AddDays(-1);
    }

    public override string ToString() => $@"{Start:hh\:mm}–{End:hh\:mm}";
}
