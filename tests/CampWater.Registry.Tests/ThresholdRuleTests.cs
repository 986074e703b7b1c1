using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class ThresholdRuleTests
{
    private static RegistryProblem Problem(string thresholds) =>
        ProblemWithTank(tank => tank["thresholds"] = Json(thresholds));

    private static Thresholds Accepted(string thresholds) =>
        TankWith(tank => tank["thresholds"] = Json(thresholds)).Thresholds;

    [Fact]
    public void Critical_pct_of_minus_1_is_rejected()
    {
        var problem = Problem("""{ "criticalPct": -1 }""");

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'thresholds.criticalPct': must be at least 0", problem.Message);
        Assert.Equal("camps[0].tanks[0].thresholds.criticalPct", problem.Path);
    }

    [Fact]
    public void Critical_pct_of_0_is_accepted()
    {
        Assert.Equal(0, Accepted("""{ "criticalPct": 0 }""").CriticalPct);
    }

    [Fact]
    public void Critical_pct_of_25_equal_to_low_pct_25_is_rejected()
    {
        var problem = Problem("""{ "criticalPct": 25 }""");

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'thresholds.criticalPct': must be less than lowPct (25)", problem.Message);
    }

    [Fact]
    public void Low_pct_of_98_equal_to_overflow_pct_98_is_rejected()
    {
        var problem = Problem("""{ "lowPct": 98 }""");

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'thresholds.lowPct': must be less than overflowPct (98)", problem.Message);
    }

    [Fact]
    public void Overflow_pct_of_100_point_5_is_rejected_and_100_accepted()
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'thresholds.overflowPct': must be at most 100",
            Problem("""{ "overflowPct": 100.5 }""").Message);
        Assert.Equal(100, Accepted("""{ "overflowPct": 100 }""").OverflowPct);
    }

    [Fact]
    public void Overflow_pct_of_20_below_low_pct_25_is_rejected_on_low_pct()
    {
        var problem = Problem("""{ "overflowPct": 20 }""");

        Assert.Equal("thresholds.lowPct", problem.Field);
        Assert.Equal("must be less than overflowPct (20)", problem.Reason);
    }

    [Fact]
    public void Low_pct_as_a_string_gives_one_problem_and_no_spurious_ordering_problem()
    {
        var problem = Problem("""{ "lowPct": "25", "criticalPct": 30 }""");

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'thresholds.lowPct': must be a number", problem.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_081)]
    public void Offline_after_min_outside_1_to_10080_is_rejected(int minutes)
    {
        var problem = Problem($$"""{ "offlineAfterMin": {{minutes}} }""");

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'thresholds.offlineAfterMin': must be between 1 and 10080 (a week)", problem.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_080)]
    public void Offline_after_min_of_1_and_10080_are_accepted(int minutes)
    {
        Assert.Equal(minutes, Accepted($$"""{ "offlineAfterMin": {{minutes}} }""").OfflineAfterMin);
    }

    [Fact]
    public void Offline_after_min_of_30_point_5_is_rejected_as_not_a_whole_number()
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'thresholds.offlineAfterMin': must be a whole number",
            Problem("""{ "offlineAfterMin": 30.5 }""").Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-30)]
    public void Rapid_drop_pct_per_hour_of_0_or_less_is_rejected(double rate)
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'thresholds.rapidDropPctPerHour': must be greater than 0",
            Problem($$"""{ "rapidDropPctPerHour": {{rate}} }""").Message);
    }

    [Fact]
    public void Night_draw_pct_of_0_is_rejected()
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'thresholds.nightDrawPct': must be greater than 0",
            Problem("""{ "nightDrawPct": 0 }""").Message);
    }

    [Fact]
    public void Night_draw_pct_of_100_point_5_is_rejected_and_100_accepted()
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'thresholds.nightDrawPct': must be at most 100",
            Problem("""{ "nightDrawPct": 100.5 }""").Message);
        Assert.Equal(100, Accepted("""{ "nightDrawPct": 100 }""").NightDrawPct);
    }

    [Fact]
    public void Thresholds_that_are_not_an_object_are_rejected()
    {
        Assert.Equal("camp 'atmeh-3', tank 't1', field 'thresholds': must be an object", Problem("[25, 10]").Message);
    }

    [Fact]
    public void Thresholds_40_5_98_60_15_10_are_kept_as_given()
    {
        var thresholds = Accepted("""
            { "lowPct": 40, "criticalPct": 5, "overflowPct": 95, "offlineAfterMin": 60, "rapidDropPctPerHour": 15, "nightDrawPct": 10 }
            """);

        Assert.Equal(new Thresholds(40, 5, 95, 60, 15, 10), thresholds);
    }
}
