using CampWater.Status;
using Xunit;

namespace CampWater.Water;

public sealed class CampRollupTests
{
    private static readonly DateOnly s_day = new(2026, 11, 29);

    [Fact]
    public void Day_of_75000_litres_drawn_by_4500_people_is_16_67_lpd_and_misses_a_target_of_20()
    {
        TankDayRecord?[] tanks =
        [
            new TankDayRecord(s_day, DrawnL: 30_000, DeliveredL: 10_000, CoveredSeconds: 86_400),
            new TankDayRecord(s_day, DrawnL: 45_000, DeliveredL: 5_000, CoveredSeconds: 86_400),
        ];

        var day = CampRollup.Day(s_day, population: 4500, targetLpd: 20, tanks, daySeconds: 86_400);

        Assert.Equal(s_day, day.Date);
        Assert.Equal(4500, day.Population);
        Assert.Equal(75_000, day.DrawnL, 9);
        Assert.Equal(15_000, day.DeliveredL, 9);
        Assert.Equal(16.667, day.Lpd!.Value, 3);
        Assert.Equal(20, day.TargetLpd);
        Assert.False(day.Met);
    }

    [Fact]
    public void Day_of_90000_litres_for_4500_people_is_exactly_20_lpd_and_meets_a_target_of_20()
    {
        TankDayRecord?[] tanks = [new TankDayRecord(s_day, 90_000, 0, 86_400)];

        var day = CampRollup.Day(s_day, 4500, 20, tanks, 86_400);

        Assert.Equal(20, day.Lpd!.Value, 9);
        Assert.True(day.Met);
    }

    [Fact]
    public void Day_of_a_camp_of_0_people_that_drew_1000_litres_has_no_lpd_and_no_verdict()
    {
        TankDayRecord?[] tanks = [new TankDayRecord(s_day, 1_000, 0, 86_400)];

        var day = CampRollup.Day(s_day, 0, 20, tanks, 86_400);

        Assert.Equal(1_000, day.DrawnL);
        Assert.Null(day.Lpd);
        Assert.Null(day.Met);
    }

    [Fact]
    public void Day_with_no_reading_from_either_of_2_tanks_has_no_lpd_no_verdict_and_completeness_0()
    {
        TankDayRecord?[] tanks = [null, null];

        var day = CampRollup.Day(s_day, 4500, 20, tanks, 86_400);

        Assert.Equal(0, day.DrawnL);
        Assert.Null(day.Lpd);
        Assert.Null(day.Met);
        Assert.Equal(0, day.Completeness);
    }

    [Fact]
    public void Day_89_percent_covered_with_25_lpd_has_its_lpd_but_no_verdict()
    {
        // 25,000 L / 1000 people = 25 l/p/d, but readings cover 76,896 of 86,400 s = 0.89 of the day.
        TankDayRecord?[] tanks = [new TankDayRecord(s_day, 25_000, 0, 76_896)];

        var day = CampRollup.Day(s_day, 1000, 20, tanks, 86_400);

        Assert.Equal(25, day.Lpd!.Value, 9);
        Assert.Equal(0.89, day.Completeness, 9);
        Assert.Null(day.Met);
    }

    [Fact]
    public void Day_90_percent_covered_with_5_lpd_is_judged_not_met()
    {
        TankDayRecord?[] tanks = [new TankDayRecord(s_day, 5_000, 0, 77_760)];

        var day = CampRollup.Day(s_day, 1000, 20, tanks, 86_400);

        Assert.Equal(0.9, day.Completeness, 9);
        Assert.False(day.Met);
    }

    [Fact]
    public void Completeness_of_a_full_day_a_half_day_and_a_silent_tank_is_0_5()
    {
        // (86,400 / 86,400 + 43,200 / 86,400 + 0) / 3 tanks = 1.5 / 3 = 0.5
        TankDayRecord?[] tanks =
        [
            new TankDayRecord(s_day, 10_000, 0, 86_400),
            new TankDayRecord(s_day, 10_000, 0, 43_200),
            null,
        ];

        var day = CampRollup.Day(s_day, 1000, 20, tanks, 86_400);

        Assert.Equal(0.5, day.Completeness, 9);
        Assert.Equal(20_000, day.DrawnL, 9);
    }

    [Fact]
    public void Completeness_of_a_tank_covering_all_82800_seconds_of_a_23_hour_day_is_1()
    {
        TankDayRecord?[] tanks = [new TankDayRecord(s_day, 10_000, 0, 82_800)];

        Assert.Equal(1, CampRollup.Day(s_day, 1000, 20, tanks, 82_800).Completeness, 9);
    }

    [Fact]
    public void Completeness_is_capped_at_1_for_a_tank_covering_more_than_the_day()
    {
        TankDayRecord?[] tanks = [new TankDayRecord(s_day, 10_000, 0, 90_000)];

        Assert.Equal(1, CampRollup.Day(s_day, 1000, 20, tanks, 86_400).Completeness, 9);
    }

    [Fact]
    public void Day_of_a_camp_without_tanks_is_0_litres_0_complete_with_no_lpd_and_no_verdict()
    {
        var day = CampRollup.Day(s_day, 4500, 20, [], 86_400);

        Assert.Equal(0, day.DrawnL);
        Assert.Null(day.Lpd);
        Assert.Equal(0, day.Completeness);
        Assert.Null(day.Met);
    }

    [Fact]
    public void Coverage_is_33_33_percent_when_one_of_three_tanks_of_1500_people_gave_20_lpd()
    {
        // 30,000 / 1500 = 20 lpd: met. 29,000 / 1500 = 19.33: not met. No figure: not met.
        (int, double?)[] tanks = [(1500, 30_000), (1500, 29_000), (1500, null)];

        Assert.Equal(33.333, CampRollup.CoveragePct(tanks, 20)!.Value, 3);
    }

    [Fact]
    public void Coverage_weighs_tanks_by_the_people_they_serve_so_3000_of_4000_met_is_75_percent()
    {
        (int, double?)[] tanks = [(3000, 60_000), (1000, 10_000)];

        Assert.Equal(75, CampRollup.CoveragePct(tanks, 20)!.Value, 9);
    }

    [Fact]
    public void Coverage_is_null_when_no_one_is_served()
    {
        Assert.Null(CampRollup.CoveragePct([(0, 1000.0)], 20));
        Assert.Null(CampRollup.CoveragePct([], 20));
    }

    [Fact]
    public void Autonomy_of_45000_litres_at_30000_litres_a_day_is_1_5_days()
    {
        Assert.Equal(1.5, CampRollup.DaysOfAutonomy(45_000, [25_000, 35_000, 30_000])!.Value, 9);
    }

    [Fact]
    public void Autonomy_uses_only_the_last_7_days_so_an_old_day_of_1000000_litres_is_left_out()
    {
        double[] days = [1_000_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000, 30_000];

        Assert.Equal(1.5, CampRollup.DaysOfAutonomy(45_000, days)!.Value, 9);
    }

    [Fact]
    public void Autonomy_is_null_without_a_complete_day()
    {
        Assert.Null(CampRollup.DaysOfAutonomy(45_000, []));
    }

    [Fact]
    public void Autonomy_is_null_when_nothing_was_drawn()
    {
        Assert.Null(CampRollup.DaysOfAutonomy(45_000, [0, 0]));
    }

    [Fact]
    public void A_camp_of_4500_people_with_3_tanks_gives_each_1500()
    {
        Assert.Equal([1500, 1500, 1500], CampRollup.ServesPopulation(4500, [null, null, null]));
    }

    [Fact]
    public void A_camp_of_10_people_with_3_tanks_gives_4_3_3_the_remainder_to_the_first()
    {
        Assert.Equal([4, 3, 3], CampRollup.ServesPopulation(10, [null, null, null]));
    }

    [Fact]
    public void A_configured_tank_keeps_its_1500_and_the_other_3_share_the_remaining_3001()
    {
        // (4501 - 1500) / 3 = 1000 remainder 1: the first unconfigured tank gets 1001.
        Assert.Equal([1500, 1001, 1000, 1000], CampRollup.ServesPopulation(4501, [1500, null, null, null]));
    }

    [Fact]
    public void Configured_tanks_serving_more_than_the_camp_leave_0_for_the_others()
    {
        // 100 + 200 already exceed the camp's 11 people: nobody is left to share.
        Assert.Equal([100, 0, 200, 0], CampRollup.ServesPopulation(11, [100, null, 200, null]));
    }

    [Fact]
    public void A_camp_without_tanks_serves_no_one()
    {
        Assert.Empty(CampRollup.ServesPopulation(4500, []));
    }
}
