using Xunit;

namespace CampWater.Alerts;

/// <summary>rapidDropPctPerHour is 30: raised after 10 minutes above 30 %/h, cleared after 10 minutes below 15 %/h.</summary>
public sealed class RapidDropTests
{
    private static readonly DateTimeOffset s_t0 = TankFeed.At("2026-11-29T10:00:00Z");

    [Fact]
    public void Rapid_drop_of_31_percent_an_hour_is_not_raised_after_9_min_59_s()
    {
        var feed = new TankFeed();

        Assert.Empty(feed.Read(s_t0, fallPctPerHour: 31));
        Assert.Empty(feed.Read(s_t0.AddMinutes(5), fallPctPerHour: 31));
        Assert.Empty(feed.Read(s_t0.AddMinutes(10).AddSeconds(-1), fallPctPerHour: 31));
    }

    [Fact]
    public void Rapid_drop_of_31_percent_an_hour_sustained_for_10_min_is_critical()
    {
        var feed = new TankFeed();
        feed.Read(s_t0, fallPctPerHour: 31);
        feed.Read(s_t0.AddMinutes(5), fallPctPerHour: 40);

        var signal = Assert.Single(feed.Read(s_t0.AddMinutes(10), fallPctPerHour: 31));

        Assert.Equal(AlertKind.RapidDrop, signal.Kind);
        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Critical, signal.Severity);
        Assert.Equal(31, signal.Value);
        Assert.Equal(30, signal.Threshold);
        Assert.Equal("Falling 31 % of capacity per hour for 10 min (limit 30 %/h)", signal.Message);
        Assert.Equal(s_t0.AddMinutes(10), signal.At);
    }

    [Fact]
    public void Rapid_drop_is_measured_from_the_first_fast_reading_so_two_readings_10_min_apart_suffice()
    {
        var feed = new TankFeed();
        feed.Read(s_t0, fallPctPerHour: 45);

        Assert.True(Assert.Single(feed.Read(s_t0.AddMinutes(10), fallPctPerHour: 45)).Holds);
    }

    [Fact]
    public void Rapid_drop_at_exactly_30_percent_an_hour_never_raises()
    {
        var feed = new TankFeed();
        feed.Read(s_t0, fallPctPerHour: 30);

        Assert.Empty(feed.Read(s_t0.AddMinutes(30), fallPctPerHour: 30));
    }

    [Fact]
    public void Rapid_drop_run_broken_by_a_reading_at_20_percent_an_hour_starts_its_10_minutes_again()
    {
        var feed = new TankFeed();
        feed.Read(s_t0, fallPctPerHour: 35);
        feed.Read(s_t0.AddMinutes(5), fallPctPerHour: 20);
        feed.Read(s_t0.AddMinutes(10), fallPctPerHour: 35);

        Assert.Empty(feed.Read(s_t0.AddMinutes(20).AddSeconds(-1), fallPctPerHour: 35));
        Assert.Single(feed.Read(s_t0.AddMinutes(20), fallPctPerHour: 35));
    }

    [Fact]
    public void Rapid_drop_run_is_broken_by_a_reading_whose_rate_is_unknown()
    {
        var feed = new TankFeed();
        feed.Read(s_t0, fallPctPerHour: 35);
        feed.Read(s_t0.AddMinutes(5), fallPctPerHour: null);

        Assert.Empty(feed.Read(s_t0.AddMinutes(10), fallPctPerHour: 35));
    }

    [Fact]
    public void Rapid_drop_is_raised_once_while_the_fall_goes_on()
    {
        var feed = new TankFeed();
        feed.Read(s_t0, fallPctPerHour: 35);
        feed.Read(s_t0.AddMinutes(10), fallPctPerHour: 35);

        Assert.Empty(feed.Read(s_t0.AddMinutes(15), fallPctPerHour: 60));
        Assert.Empty(feed.Read(s_t0.AddMinutes(20), fallPctPerHour: 20));
    }

    [Fact]
    public void Rapid_drop_resolves_after_10_min_below_15_percent_an_hour_and_not_at_9_min_59_s()
    {
        var feed = Raised(out var calmFrom);

        Assert.Empty(feed.Read(calmFrom, fallPctPerHour: 14.9));
        Assert.Empty(feed.Read(calmFrom.AddMinutes(10).AddSeconds(-1), fallPctPerHour: 2));
        var cleared = Assert.Single(feed.Read(calmFrom.AddMinutes(10), fallPctPerHour: -5));

        Assert.Equal(AlertKind.RapidDrop, cleared.Kind);
        Assert.False(cleared.Holds);
        Assert.Equal(15, cleared.Threshold);
    }

    [Fact]
    public void Rapid_drop_calm_broken_by_a_reading_at_20_percent_an_hour_starts_its_10_minutes_again()
    {
        var feed = Raised(out var calmFrom);
        feed.Read(calmFrom, fallPctPerHour: 5);
        feed.Read(calmFrom.AddMinutes(5), fallPctPerHour: 20);
        feed.Read(calmFrom.AddMinutes(6), fallPctPerHour: 5);

        Assert.Empty(feed.Read(calmFrom.AddMinutes(15), fallPctPerHour: 5));
        Assert.Single(feed.Read(calmFrom.AddMinutes(16), fallPctPerHour: 5));
    }

    [Fact]
    public void Rapid_drop_at_exactly_15_percent_an_hour_is_not_calm_enough_to_resolve()
    {
        var feed = Raised(out var calmFrom);
        feed.Read(calmFrom, fallPctPerHour: 15);

        Assert.Empty(feed.Read(calmFrom.AddMinutes(30), fallPctPerHour: 15));
    }

    [Fact]
    public void Reset_of_rapid_drop_while_the_fall_goes_on_raises_again_at_the_next_reading()
    {
        var feed = Raised(out var next);

        feed.Memory.Reset(AlertKind.RapidDrop);

        Assert.True(Assert.Single(feed.Read(next, fallPctPerHour: 35)).Holds);
    }

    private static TankFeed Raised(out DateTimeOffset next)
    {
        var feed = new TankFeed();
        feed.Read(s_t0, fallPctPerHour: 35);
        Assert.Single(feed.Read(s_t0.AddMinutes(10), fallPctPerHour: 35));
        next = s_t0.AddMinutes(15);
        return feed;
    }
}
