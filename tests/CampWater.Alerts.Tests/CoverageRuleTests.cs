using CampWater.Status;
using Xunit;

namespace CampWater.Alerts;

/// <summary>A camp of 4,500 people with targetLpd 20; the day of 2026-11-29 ended at 21:00 UTC in Damascus.</summary>
public sealed class CoverageRuleTests
{
    private static readonly DateTimeOffset s_dayEnd = TankFeed.At("2026-11-29T21:00:00Z");

    [Fact]
    public void Coverage_of_14_9_litres_a_person_is_critical_below_the_emergency_minimum_of_15()
    {
        var signal = CoverageRule.Evaluate(Day(lpd: 14.9), s_dayEnd);

        Assert.NotNull(signal);
        Assert.Equal(AlertKind.CoverageLow, signal.Kind);
        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Critical, signal.Severity);
        Assert.Equal(14.9, signal.Value);
        Assert.Equal(15, signal.Threshold);
        Assert.Equal(s_dayEnd, signal.At);
        Assert.Equal("Only 14.9 L per person on 2026-11-29, below the emergency minimum of 15 L (target 20 L)", signal.Message);
    }

    [Fact]
    public void Coverage_of_exactly_15_litres_a_person_against_target_20_is_a_warning()
    {
        var signal = CoverageRule.Evaluate(Day(lpd: 15), s_dayEnd);

        Assert.NotNull(signal);
        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal(20, signal.Threshold);
    }

    [Fact]
    public void Coverage_of_19_9_litres_a_person_against_target_20_is_a_warning()
    {
        var signal = CoverageRule.Evaluate(Day(lpd: 19.9), s_dayEnd);

        Assert.NotNull(signal);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal("Only 19.9 L per person on 2026-11-29, below the target of 20 L", signal.Message);
    }

    [Fact]
    public void Coverage_of_exactly_20_litres_a_person_meets_target_20_and_clears()
    {
        var signal = CoverageRule.Evaluate(Day(lpd: 20), s_dayEnd);

        Assert.NotNull(signal);
        Assert.False(signal.Holds);
        Assert.Equal(20, signal.Value);
    }

    [Fact]
    public void Coverage_of_a_day_89_percent_covered_by_readings_says_nothing()
    {
        Assert.Null(CoverageRule.Evaluate(Day(lpd: 5, completeness: 0.89), s_dayEnd));
        Assert.Null(CoverageRule.Evaluate(Day(lpd: 25, completeness: 0.89), s_dayEnd));
    }

    [Fact]
    public void Coverage_of_a_day_90_percent_covered_by_readings_counts()
    {
        Assert.NotNull(CoverageRule.Evaluate(Day(lpd: 5, completeness: 0.9), s_dayEnd));
    }

    [Fact]
    public void Coverage_of_a_day_with_no_readings_and_no_lpd_says_nothing()
    {
        var day = new DailyCoverage(new DateOnly(2026, 11, 29), 4500, 0, 0, Lpd: null, 20, Met: null, Completeness: 0);

        Assert.Null(CoverageRule.Evaluate(day, s_dayEnd));
    }

    [Fact]
    public void Coverage_of_a_camp_of_0_people_says_nothing()
    {
        var day = new DailyCoverage(new DateOnly(2026, 11, 29), 0, 9_000, 0, Lpd: null, 20, Met: null, Completeness: 1);

        Assert.Null(CoverageRule.Evaluate(day, s_dayEnd));
    }

    private static DailyCoverage Day(double lpd, double completeness = 1.0) =>
        new(new DateOnly(2026, 11, 29), 4500, lpd * 4500, 0, lpd, 20, completeness >= 0.9 ? lpd >= 20 : null, completeness);
}
