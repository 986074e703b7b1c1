using CampWater.Registry;
using Xunit;

namespace CampWater.Alerts;

public sealed class LevelRuleTests
{
    private const string T0 = "2026-11-29T10:00:00Z";
    private const string T1 = "2026-11-29T10:05:00Z";
    private const string T2 = "2026-11-29T10:10:00Z";
    private const string T3 = "2026-11-29T10:15:00Z";

    [Fact]
    public void Low_level_with_lowPct_25_raises_a_warning_at_24_9_percent()
    {
        var signal = Assert.Single(new TankFeed().Read(T0, levelPct: 24.9));

        Assert.Equal(AlertKind.LowLevel, signal.Kind);
        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal(24.9, signal.Value);
        Assert.Equal(25, signal.Threshold);
        Assert.Equal("Level 24.9 % is below 25 %", signal.Message);
        Assert.Equal(TankFeed.At(T0), signal.At);
    }

    [Fact]
    public void Low_level_is_not_raised_at_exactly_25_percent()
    {
        Assert.Empty(new TankFeed().Read(T0, levelPct: 25));
    }

    [Fact]
    public void Low_level_message_reads_Level_18_5_percent_is_below_25_percent()
    {
        Assert.Equal("Level 18.5 % is below 25 %", Assert.Single(new TankFeed().Read(T0, levelPct: 18.5)).Message);
    }

    [Fact]
    public void Low_level_is_critical_at_9_9_percent_against_criticalPct_10()
    {
        var signal = Assert.Single(new TankFeed().Read(T0, levelPct: 9.9));

        Assert.Equal(AlertSeverity.Critical, signal.Severity);
        Assert.Equal(9.9, signal.Value);
        Assert.Equal(10, signal.Threshold);
        Assert.Equal("Level 9.9 % is below the critical 10 %", signal.Message);
    }

    [Fact]
    public void Low_level_is_a_warning_at_exactly_10_percent()
    {
        Assert.Equal(AlertSeverity.Warning, Assert.Single(new TankFeed().Read(T0, levelPct: 10)).Severity);
    }

    [Fact]
    public void Low_level_says_nothing_more_while_it_stays_a_warning_from_20_to_15_percent()
    {
        var feed = new TankFeed();
        feed.Read(T0, levelPct: 20);

        Assert.Empty(feed.Read(T1, levelPct: 15));
        Assert.Empty(feed.Read(T2, levelPct: 24.9));
    }

    [Fact]
    public void Low_level_turns_critical_at_9_percent_and_back_to_warning_at_12_percent()
    {
        var feed = new TankFeed();
        feed.Read(T0, levelPct: 20);

        var critical = Assert.Single(feed.Read(T1, levelPct: 9));
        var warning = Assert.Single(feed.Read(T2, levelPct: 12));

        Assert.True(critical.Holds);
        Assert.Equal(AlertSeverity.Critical, critical.Severity);
        Assert.True(warning.Holds);
        Assert.Equal(AlertSeverity.Warning, warning.Severity);
        Assert.Equal(25, warning.Threshold);
    }

    [Fact]
    public void Low_level_stays_open_at_27_percent_and_resolves_at_30_percent()
    {
        var feed = new TankFeed();
        feed.Read(T0, levelPct: 20);

        Assert.Empty(feed.Read(T1, levelPct: 27));
        Assert.Empty(feed.Read(T2, levelPct: 29.9));
        var cleared = Assert.Single(feed.Read(T3, levelPct: 30));

        Assert.Equal(AlertKind.LowLevel, cleared.Kind);
        Assert.False(cleared.Holds);
        Assert.Equal(30, cleared.Value);
        Assert.Equal(30, cleared.Threshold);
    }

    [Fact]
    public void Low_level_critical_at_8_percent_rising_to_27_percent_stays_open_as_a_warning()
    {
        var feed = new TankFeed();
        feed.Read(T0, levelPct: 8);

        var signal = Assert.Single(feed.Read(T1, levelPct: 27));

        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal("Level 27 % is above 25 % but not yet back at 30 %", signal.Message);
    }

    [Fact]
    public void Low_level_critical_at_8_percent_rising_straight_to_31_percent_resolves()
    {
        var feed = new TankFeed();
        feed.Read(T0, levelPct: 8);

        Assert.False(Assert.Single(feed.Read(T1, levelPct: 31)).Holds);
    }

    [Fact]
    public void Low_level_at_27_percent_raises_nothing_when_it_was_not_open()
    {
        var feed = new TankFeed();
        feed.Read(T0, levelPct: 50);

        Assert.Empty(feed.Read(T1, levelPct: 27));
    }

    [Fact]
    public void Low_level_follows_the_thresholds_of_the_reading_lowPct_40_raises_at_35_percent()
    {
        var feed = new TankFeed(thresholds: new Thresholds(LowPct: 40, CriticalPct: 20));

        var signal = Assert.Single(feed.Read(T0, levelPct: 35));

        Assert.Equal(40, signal.Threshold);
    }

    [Fact]
    public void Overflow_with_overflowPct_98_raises_a_warning_at_98_1_percent()
    {
        var signal = Assert.Single(new TankFeed().Read(T0, levelPct: 98.1));

        Assert.Equal(AlertKind.Overflow, signal.Kind);
        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal(98.1, signal.Value);
        Assert.Equal(98, signal.Threshold);
        Assert.Equal("Level 98.1 % is above 98 %", signal.Message);
    }

    [Fact]
    public void Overflow_is_not_raised_at_exactly_98_percent()
    {
        Assert.Empty(new TankFeed().Read(T0, levelPct: 98));
    }

    [Fact]
    public void Overflow_stays_open_at_95_1_percent_and_resolves_at_95_percent()
    {
        var feed = new TankFeed();
        feed.Read(T0, levelPct: 99);

        Assert.Empty(feed.Read(T1, levelPct: 98.5));
        Assert.Empty(feed.Read(T2, levelPct: 95.1));
        var cleared = Assert.Single(feed.Read(T3, levelPct: 95));

        Assert.Equal(AlertKind.Overflow, cleared.Kind);
        Assert.False(cleared.Holds);
        Assert.Equal(95, cleared.Threshold);
    }

    [Fact]
    public void Reset_of_low_level_makes_the_next_reading_at_20_percent_raise_again()
    {
        var feed = new TankFeed();
        feed.Read(T0, levelPct: 20);

        feed.Memory.Reset(AlertKind.LowLevel);

        Assert.True(Assert.Single(feed.Read(T1, levelPct: 20)).Holds);
    }

    [Fact]
    public void Reset_of_overflow_makes_the_next_reading_at_99_percent_raise_again()
    {
        var feed = new TankFeed();
        feed.Read(T0, levelPct: 99);

        feed.Memory.Reset(AlertKind.Overflow);

        Assert.True(Assert.Single(feed.Read(T1, levelPct: 99)).Holds);
    }
}
