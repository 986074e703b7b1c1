namespace CampWater.Water;

/// <summary>
/// How much of each camp-local day consecutive readings vouch for: the basis of a day's completeness,
/// so that a day's litres per person can be told apart from a day the sensor missed.
/// </summary>
public static class ReadingCoverage
{
    /// <summary>
    /// The interval (<paramref name="previous"/>, <paramref name="current"/>], split at camp-local
    /// midnights, when the two readings are no further apart than <paramref name="offlineAfter"/>;
    /// nothing when they are, or when <paramref name="current"/> is not after <paramref name="previous"/>.
    /// </summary>
    public static IReadOnlyList<CoveredSpan> Covered(
        DateTimeOffset previous,
        DateTimeOffset current,
        TimeSpan offlineAfter,
        TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);

        // A gap the tank would call offline is not vouched for by either reading.
        if (current <= previous || current - previous > offlineAfter)
        {
            return [];
        }

        var spans = new List<CoveredSpan>(2);
        var date = CampCalendar.LocalDate(previous, zone);
        while (true)
        {
            var (start, end) = CampCalendar.DayBounds(date, zone);
            var from = previous > start ? previous : start;
            var to = current < end ? current : end;
            if (to > from)
            {
                spans.Add(new CoveredSpan(date, (to - from).TotalSeconds));
            }

            if (current <= end)
            {
                return spans;
            }

            date = date.AddDays(1);
        }
    }
}
