using System.Globalization;
using Xunit;

namespace CampWater.Water;

public sealed class ReadingCoverageTests
{
    private static readonly TimeZoneInfo s_damascus = CampCalendar.Zone("Asia/Damascus");
    private static readonly TimeSpan s_offlineAfter = TimeSpan.FromMinutes(30);

    [Fact]
    public void Ten_minutes_between_readings_covers_600_seconds_of_that_day()
    {
        var spans = ReadingCoverage.Covered(At("2026-11-29T08:00:00Z"), At("2026-11-29T08:10:00Z"), s_offlineAfter, s_damascus);

        Assert.Equal([new CoveredSpan(new DateOnly(2026, 11, 29), 600)], spans);
    }

    [Fact]
    public void Readings_at_23_50_and_00_10_camp_time_split_into_600_seconds_on_each_day()
    {
        // 20:50 and 21:10 UTC are 23:50 and 00:10 in Damascus (UTC+3).
        var spans = ReadingCoverage.Covered(At("2026-11-28T20:50:00Z"), At("2026-11-28T21:10:00Z"), s_offlineAfter, s_damascus);

        Assert.Equal(
            [new CoveredSpan(new DateOnly(2026, 11, 28), 600), new CoveredSpan(new DateOnly(2026, 11, 29), 600)],
            spans);
    }

    [Fact]
    public void A_reading_exactly_at_camp_midnight_closes_the_day_before_with_all_1800_seconds()
    {
        var spans = ReadingCoverage.Covered(At("2026-11-28T20:30:00Z"), At("2026-11-28T21:00:00Z"), s_offlineAfter, s_damascus);

        Assert.Equal([new CoveredSpan(new DateOnly(2026, 11, 28), 1800)], spans);
    }

    [Fact]
    public void A_gap_of_exactly_30_minutes_with_offline_after_30_minutes_is_covered_for_1800_seconds()
    {
        var spans = ReadingCoverage.Covered(At("2026-11-29T08:00:00Z"), At("2026-11-29T08:30:00Z"), s_offlineAfter, s_damascus);

        Assert.Equal([new CoveredSpan(new DateOnly(2026, 11, 29), 1800)], spans);
    }

    [Fact]
    public void A_gap_of_31_minutes_with_offline_after_30_minutes_covers_nothing()
    {
        var spans = ReadingCoverage.Covered(At("2026-11-29T08:00:00Z"), At("2026-11-29T08:31:00Z"), s_offlineAfter, s_damascus);

        Assert.Empty(spans);
    }

    [Fact]
    public void A_reading_not_after_the_previous_one_covers_nothing()
    {
        Assert.Empty(ReadingCoverage.Covered(At("2026-11-29T08:10:00Z"), At("2026-11-29T08:10:00Z"), s_offlineAfter, s_damascus));
        Assert.Empty(ReadingCoverage.Covered(At("2026-11-29T08:10:00Z"), At("2026-11-29T08:00:00Z"), s_offlineAfter, s_damascus));
    }

    [Fact]
    public void Readings_across_Berlin_spring_forward_midnight_split_at_23_00_UTC()
    {
        // Berlin midnight of 29 March 2026 is 23:00 UTC (still CET, +1).
        var berlin = CampCalendar.Zone("Europe/Berlin");

        var spans = ReadingCoverage.Covered(At("2026-03-28T22:45:00Z"), At("2026-03-28T23:05:00Z"), s_offlineAfter, berlin);

        Assert.Equal(
            [new CoveredSpan(new DateOnly(2026, 3, 28), 900), new CoveredSpan(new DateOnly(2026, 3, 29), 300)],
            spans);
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
