using Xunit;

namespace CampWater.Alerts;

/// <summary>
/// A 10,000-litre tank with nightDrawPct 5: more than 500 litres in one night's quiet hours raises.
/// Damascus is UTC+3 all year, so its quiet hours 00:00-04:00 run from 21:00 to 01:00 UTC; Dhaka is
/// UTC+6, so 23:00-04:30 runs from 17:00 to 22:30 UTC.
/// </summary>
public sealed class NightDrawTests
{
    [Fact]
    public void Night_draw_of_520_litres_in_Damascus_quiet_hours_00_00_to_04_00_raises_a_warning()
    {
        var feed = new TankFeed();

        Assert.Empty(feed.Read("2026-11-28T21:30:00Z", drawnL: 300));
        var signal = Assert.Single(feed.Read("2026-11-28T23:00:00Z", drawnL: 220));

        Assert.Equal(AlertKind.NightDraw, signal.Kind);
        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal(520, signal.Value);
        Assert.Equal(500, signal.Threshold);
        Assert.Equal("Drew 520 L (5.2 % of capacity) during quiet hours 00:00–04:00", signal.Message);
        Assert.Equal(new DateOnly(2026, 11, 29), feed.Memory.NightRaisedFor);
    }

    [Fact]
    public void Night_draw_of_exactly_500_litres_is_within_the_limit()
    {
        var feed = new TankFeed();

        Assert.Empty(feed.Read("2026-11-28T21:30:00Z", drawnL: 300));
        Assert.Empty(feed.Read("2026-11-28T23:00:00Z", drawnL: 200));
    }

    [Fact]
    public void Night_draw_in_Damascus_does_not_count_litres_drawn_at_23_59_or_04_00_local()
    {
        var feed = new TankFeed();

        Assert.Empty(feed.Read("2026-11-28T20:59:00Z", drawnL: 400));
        Assert.Empty(feed.Read("2026-11-28T21:00:00Z", drawnL: 300));
        Assert.Empty(feed.Read("2026-11-29T01:00:00Z", drawnL: 400));
        Assert.Equal(300, feed.Memory.NightDrawnL);
    }

    [Fact]
    public void Night_draw_in_Damascus_counts_litres_drawn_at_00_00_and_03_59_local()
    {
        var feed = new TankFeed();

        Assert.Empty(feed.Read("2026-11-28T21:00:00Z", drawnL: 300));
        Assert.Equal(501, Assert.Single(feed.Read("2026-11-29T00:59:00Z", drawnL: 201)).Value);
    }

    [Fact]
    public void Night_draw_is_raised_at_most_once_a_night()
    {
        var feed = new TankFeed();
        feed.Read("2026-11-28T21:30:00Z", drawnL: 600);

        Assert.Empty(feed.Read("2026-11-28T23:00:00Z", drawnL: 600));
        Assert.Empty(feed.Read("2026-11-29T00:30:00Z", drawnL: 600));
    }

    [Fact]
    public void Night_draw_sums_each_night_afresh_so_400_litres_on_two_nights_never_raise()
    {
        var feed = new TankFeed();

        Assert.Empty(feed.Read("2026-11-28T21:30:00Z", drawnL: 400));
        Assert.Empty(feed.Read("2026-11-29T21:30:00Z", drawnL: 400));
    }

    [Fact]
    public void Night_draw_resolves_at_04_00_local_after_the_next_night_drew_only_100_litres()
    {
        var feed = new TankFeed();
        feed.Read("2026-11-28T21:30:00Z", drawnL: 600);

        Assert.Empty(feed.Read("2026-11-29T07:00:00Z"));
        Assert.Empty(feed.Read("2026-11-29T21:30:00Z", drawnL: 100));
        Assert.Empty(feed.Read("2026-11-30T00:59:00Z"));
        var cleared = Assert.Single(feed.Read("2026-11-30T01:00:00Z"));

        Assert.Equal(AlertKind.NightDraw, cleared.Kind);
        Assert.False(cleared.Holds);
        Assert.Equal(100, cleared.Value);
        Assert.Equal(500, cleared.Threshold);
        Assert.Equal("Drew 100 L during quiet hours 00:00–04:00 on the night of 2026-11-30, within 500 L", cleared.Message);
    }

    [Fact]
    public void Night_draw_resolves_at_the_first_reading_after_a_night_without_any_readings()
    {
        var feed = new TankFeed();
        feed.Read("2026-11-28T21:30:00Z", drawnL: 600);

        var cleared = Assert.Single(feed.Read("2026-11-30T09:00:00Z"));

        Assert.False(cleared.Holds);
        Assert.Equal(0, cleared.Value);
    }

    [Fact]
    public void Night_draw_does_not_resolve_during_the_next_quiet_hours_before_they_end()
    {
        var feed = new TankFeed();
        feed.Read("2026-11-28T21:30:00Z", drawnL: 600);

        Assert.Empty(feed.Read("2026-11-29T23:00:00Z"));
    }

    [Fact]
    public void Night_draw_on_two_nights_in_a_row_keeps_one_condition_and_resolves_after_the_third_clean_night()
    {
        var feed = new TankFeed();
        feed.Read("2026-11-28T21:30:00Z", drawnL: 600);

        var again = Assert.Single(feed.Read("2026-11-29T21:30:00Z", drawnL: 700));
        Assert.Empty(feed.Read("2026-11-30T01:00:00Z"));
        var cleared = Assert.Single(feed.Read("2026-12-01T01:00:00Z"));

        Assert.True(again.Holds);
        Assert.Equal(700, again.Value);
        Assert.False(cleared.Holds);
    }

    [Fact]
    public void Night_draw_after_a_clean_night_without_readings_resolves_first_and_then_raises_anew()
    {
        var feed = new TankFeed();
        feed.Read("2026-11-28T21:30:00Z", drawnL: 600);

        var signals = feed.Read("2026-11-30T23:00:00Z", drawnL: 600);

        Assert.Equal([false, true], signals.Select(s => s.Holds));
        Assert.Equal(new DateOnly(2026, 12, 1), feed.Memory.NightRaisedFor);
    }

    [Fact]
    public void Night_draw_reset_after_a_manual_resolve_does_not_raise_again_that_night_but_does_the_next()
    {
        var feed = new TankFeed();
        feed.Read("2026-11-28T21:30:00Z", drawnL: 600);

        feed.Memory.Reset(AlertKind.NightDraw);

        Assert.Empty(feed.Read("2026-11-29T00:00:00Z", drawnL: 300));
        Assert.True(Assert.Single(feed.Read("2026-11-29T21:30:00Z", drawnL: 600)).Holds);
    }

    [Fact]
    public void Night_draw_in_Dhaka_23_00_to_04_30_sums_across_midnight_into_the_night_it_started()
    {
        var feed = Dhaka();

        Assert.Empty(feed.Read("2026-11-29T17:30:00Z", drawnL: 300));
        var signal = Assert.Single(feed.Read("2026-11-29T20:00:00Z", drawnL: 250));

        Assert.Equal(550, signal.Value);
        Assert.Equal("Drew 550 L (5.5 % of capacity) during quiet hours 23:00–04:30", signal.Message);
        Assert.Equal(new DateOnly(2026, 11, 29), feed.Memory.NightRaisedFor);
    }

    [Fact]
    public void Night_draw_in_Dhaka_after_midnight_belongs_to_the_night_that_started_the_evening_before()
    {
        var feed = Dhaka();

        feed.Read("2026-11-29T20:00:00Z", drawnL: 600);

        Assert.Equal(new DateOnly(2026, 11, 29), feed.Memory.NightRaisedFor);
    }

    [Fact]
    public void Night_draw_in_Dhaka_counts_23_00_and_04_29_local_but_not_22_59_or_04_30()
    {
        var feed = Dhaka();

        feed.Read("2026-11-29T16:59:00Z", drawnL: 1000);
        feed.Read("2026-11-29T17:00:00Z", drawnL: 200);
        feed.Read("2026-11-29T22:29:00Z", drawnL: 200);
        feed.Read("2026-11-29T22:30:00Z", drawnL: 1000);

        Assert.Equal(400, feed.Memory.NightDrawnL);
        Assert.Null(feed.Memory.NightRaisedFor);
    }

    [Fact]
    public void Night_draw_in_Dhaka_resolves_at_04_30_local_after_the_next_clean_night_and_not_at_04_29()
    {
        var feed = Dhaka();
        feed.Read("2026-11-29T17:30:00Z", drawnL: 600);

        Assert.Empty(feed.Read("2026-11-30T17:30:00Z", drawnL: 50));
        Assert.Empty(feed.Read("2026-11-30T22:29:00Z"));
        var cleared = Assert.Single(feed.Read("2026-11-30T22:30:00Z"));

        Assert.False(cleared.Holds);
        Assert.Equal(50, cleared.Value);
    }

    [Fact]
    public void Night_draw_with_quiet_hours_that_are_not_HH_mm_HH_mm_is_an_argument_error()
    {
        var feed = new TankFeed(quietHours: "0:00-4:00");

        Assert.Throws<ArgumentException>(() => feed.Read("2026-11-28T21:30:00Z"));
    }

    private static TankFeed Dhaka() => new(quietHours: "23:00-04:30", timeZone: "Asia/Dhaka");
}
