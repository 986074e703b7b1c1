using Xunit;

namespace CampWater.Water;

public sealed class CampCalendarTests
{
    private static readonly TimeZoneInfo s_damascus = CampCalendar.Zone("Asia/Damascus");
    private static readonly TimeZoneInfo s_berlin = CampCalendar.Zone("Europe/Berlin");

    [Fact]
    public void Damascus_midnight_is_21_00_UTC_the_evening_before()
    {
        // Syria has kept UTC+3 all year since 2022.
        Assert.Equal(new DateOnly(2026, 11, 29), CampCalendar.LocalDate(At("2026-11-28T21:00:00Z"), s_damascus));
        Assert.Equal(new DateOnly(2026, 11, 28), CampCalendar.LocalDate(At("2026-11-28T20:59:59Z"), s_damascus));
    }

    [Fact]
    public void A_Damascus_day_runs_from_21_00_UTC_to_21_00_UTC_for_86400_seconds()
    {
        var (start, end) = CampCalendar.DayBounds(new DateOnly(2026, 11, 29), s_damascus);

        Assert.Equal(At("2026-11-28T21:00:00Z"), start);
        Assert.Equal(At("2026-11-29T21:00:00Z"), end);
        Assert.Equal(86_400, CampCalendar.DaySeconds(new DateOnly(2026, 11, 29), s_damascus));
    }

    [Fact]
    public void Berlin_spring_forward_day_2026_03_29_is_23_hours_or_82800_seconds()
    {
        var (start, end) = CampCalendar.DayBounds(new DateOnly(2026, 3, 29), s_berlin);

        Assert.Equal(At("2026-03-28T23:00:00Z"), start);
        Assert.Equal(At("2026-03-29T22:00:00Z"), end);
        Assert.Equal(82_800, CampCalendar.DaySeconds(new DateOnly(2026, 3, 29), s_berlin));
    }

    [Fact]
    public void Berlin_fall_back_day_2026_10_25_is_25_hours_or_90000_seconds()
    {
        Assert.Equal(90_000, CampCalendar.DaySeconds(new DateOnly(2026, 10, 25), s_berlin));
    }

    [Fact]
    public void Beirut_2026_03_29_skips_midnight_so_it_starts_at_01_00_local_and_lasts_23_hours()
    {
        // Lebanon jumps from 00:00 EET straight to 01:00 EEST: the day starts at 22:00 UTC.
        var beirut = CampCalendar.Zone("Asia/Beirut");

        var (start, end) = CampCalendar.DayBounds(new DateOnly(2026, 3, 29), beirut);

        Assert.Equal(At("2026-03-28T22:00:00Z"), start);
        Assert.Equal(At("2026-03-29T21:00:00Z"), end);
        Assert.Equal(82_800, CampCalendar.DaySeconds(new DateOnly(2026, 3, 29), beirut));
        Assert.Equal(86_400, CampCalendar.DaySeconds(new DateOnly(2026, 3, 28), beirut));
    }

    [Fact]
    public void Beirut_2026_10_24_turns_back_from_midnight_to_23_00_and_lasts_25_hours()
    {
        var beirut = CampCalendar.Zone("Asia/Beirut");

        Assert.Equal(90_000, CampCalendar.DaySeconds(new DateOnly(2026, 10, 24), beirut));
        Assert.Equal(86_400, CampCalendar.DaySeconds(new DateOnly(2026, 10, 25), beirut));
    }

    [Fact]
    public void Local_date_follows_the_offset_in_force_at_the_instant()
    {
        // 22:30 UTC is 23:30 CET on 28 March, and 00:30 CEST on 29 March in summer time.
        Assert.Equal(new DateOnly(2026, 3, 28), CampCalendar.LocalDate(At("2026-03-28T22:30:00Z"), s_berlin));
        Assert.Equal(new DateOnly(2026, 3, 29), CampCalendar.LocalDate(At("2026-03-28T23:30:00Z"), s_berlin));
        Assert.Equal(new DateOnly(2026, 7, 1), CampCalendar.LocalDate(At("2026-06-30T22:30:00Z"), s_berlin));
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
