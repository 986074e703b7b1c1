namespace CampWater.Water;

/// <summary>
/// Camp-local days. Water is counted per day as the camp lives it, so a day runs from local midnight
/// to the next and is 23 or 25 hours long when the clocks change.
/// </summary>
public static class CampCalendar
{
    // Every UTC offset in use lies within these, so a local midnight is always within them of the
    // same wall-clock reading taken as UTC.
    private static readonly TimeSpan s_searchBefore = TimeSpan.FromHours(15);
    private static readonly TimeSpan s_searchAfter = TimeSpan.FromHours(13);

    /// <summary>The zone of an IANA id such as <c>Asia/Damascus</c>.</summary>
    public static TimeZoneInfo Zone(string timeZoneId) => TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>The instants at which <paramref name="date"/> begins and ends in the camp's zone.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) DayBounds(DateOnly date, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (StartOfDay(date, zone), StartOfDay(date.AddDays(1), zone));
    }

    public static double DaySeconds(DateOnly date, TimeZoneInfo zone)
    {
        var (start, end) = DayBounds(date, zone);
        return (end - start).TotalSeconds;
    }

    private static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(midnight))
        {
            // Midnight happens twice when the clocks go back over it; the day starts at the first,
            // which is the one with the larger offset.
            return ToUtc(new DateTimeOffset(midnight, zone.GetAmbiguousTimeOffsets(midnight).Max()));
        }

        // TimeZoneInfo misses some jumps that start exactly at midnight (America/Asuncion on 2023-10-01 and
        // 2024-10-06: the midnight it gives reads as 23:00 the day before), so the candidate is checked by
        // converting it back: only a midnight that reads as midnight starts the day.
        if (!zone.IsInvalidTime(midnight))
        {
            var candidate = ToUtc(new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)));
            if (TimeZoneInfo.ConvertTime(candidate, zone).DateTime == midnight)
            {
                return candidate;
            }
        }

        // Some zones (Beirut, Santiago, Asuncion, ...) jump from 00:00 straight to 01:00: the day then starts
        // at the jump, the first instant whose local date is this one, for every figure alike.
        return FirstInstantOf(date, zone, midnight);
    }

    private static DateTimeOffset FirstInstantOf(DateOnly date, TimeZoneInfo zone, DateTime midnight)
    {
        var asUtc = new DateTimeOffset(midnight, TimeSpan.Zero);
        var low = (asUtc - s_searchBefore).ToUnixTimeSeconds();
        var high = (asUtc + s_searchAfter).ToUnixTimeSeconds();

        // Invariant: the local date at `low` is before `date`, at `high` it is `date` or later.
        // Clock changes fall on whole seconds, so searching seconds finds the jump exactly.
        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            if (LocalDate(DateTimeOffset.FromUnixTimeSeconds(mid), zone) < date)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return DateTimeOffset.FromUnixTimeSeconds(high);
    }

    private static DateTimeOffset ToUtc(DateTimeOffset instant) => instant.ToUniversalTime();
}
