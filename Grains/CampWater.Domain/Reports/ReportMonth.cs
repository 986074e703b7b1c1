using System.Globalization;
using CampWater.Water;

namespace CampWater.Reports;

/// <summary>
/// A report month in a camp's zone: the camp-local dates it covers and the instants between which its events count.
/// A month in progress runs to <c>now</c>, today included.
/// </summary>
public sealed record ReportMonth(DateOnly First, DateOnly Last, DateTimeOffset Start, DateTimeOffset End, bool InProgress)
{
    /// <summary>The month's name as the API takes it: <c>2026-11</c>.</summary>
    public string Name => First.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Parses <c>YYYY-MM</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out DateOnly first)
    {
        first = default;
        return text is { Length: 7 }
            && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);
    }

    /// <summary>The month beginning on <paramref name="first"/> in <paramref name="zone"/>; null for a month that has not begun.</summary>
    public static ReportMonth? Of(DateOnly first, TimeZoneInfo zone, DateTimeOffset now)
    {
        var today = CampCalendar.LocalDate(now, zone);
        if (first > today)
        {
            return null;
        }

        var next = first.AddMonths(1);
        var inProgress = today < next;
        var last = inProgress ? today : next.AddDays(-1);
        var start = CampCalendar.DayBounds(first, zone).Start;
        var end = inProgress ? now : CampCalendar.DayBounds(next, zone).Start;
        return new ReportMonth(first, last, start, end, inProgress);
    }

    public int Days => Last.DayNumber - First.DayNumber + 1;

    public IEnumerable<DateOnly> Dates() => Enumerable.Range(0, Days).Select(First.AddDays);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;
}
