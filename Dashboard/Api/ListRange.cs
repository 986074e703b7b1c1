using System.Globalization;
using CampWater.Registry;
using CampWater.Water;
using Microsoft.AspNetCore.Http;

namespace CampWater.Dashboard.Api;

/// <summary>
/// The <c>from</c> and <c>to</c> of a list: an ISO-8601 instant with an offset, or a camp-local date
/// <c>YYYY-MM-DD</c> meaning the whole day; without them, the last 7 days.
/// </summary>
internal static class ListRange
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(7);

    public static (DateTimeOffset From, DateTimeOffset To, IResult? Problem) Parse(string? from, string? to, TimeZoneInfo zone, DateTimeOffset now)
    {
        var end = now;
        if (to is not null && !TryParse(to, zone, endOfDay: true, out end))
        {
            return (default, default, Invalid("to"));
        }

        var start = end - Default;
        if (from is not null && !TryParse(from, zone, endOfDay: false, out start))
        {
            return (default, default, Invalid("from"));
        }

        return start > end
            ? (default, default, Problems.Invalid("from", "must not be after 'to'"))
            : (start, end, null);
    }

    private static IResult Invalid(string field) =>
        Problems.Invalid(field, "must be an ISO-8601 time with an offset (2026-11-29T10:15:00Z) or a camp-local date (2026-11-29)");

    private static bool TryParse(string text, TimeZoneInfo zone, bool endOfDay, out DateTimeOffset instant)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var (start, end) = CampCalendar.DayBounds(date, zone);
            instant = endOfDay ? end - TimeSpan.FromTicks(1) : start;
            return true;
        }

        return ServiceBodies.TryParseInstant(text, out instant);
    }
}
