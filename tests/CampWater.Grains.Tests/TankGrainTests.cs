using CampWater.Grains;
using CampWater.Readings;
using CampWater.Status;
using static CampWater.TestCamps;

namespace CampWater;

public sealed class TankGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private async Task<ITankGrain> NewTank(string campId)
    {
        await fixture.Grains.GetGrain<ICampGrain>(campId).Configure(Camp(campId), replaceTanks: true);
        return fixture.Grains.GetGrain<ITankGrain>(TankKey.Of(campId, "t1"));
    }

    [Fact]
    public async Task A_reading_older_than_the_newest_applied_one_is_late_and_leaves_the_level_at_1500_mm()
    {
        var tank = await NewTank("late");
        Assert.Equal(ApplyOutcome.Applied, await tank.Apply(Level(Noon, 1500)));
        Assert.Equal(ApplyOutcome.Late, await tank.Apply(Level(Noon.AddMinutes(-5), 1000)));

        var status = await tank.GetStatus();
        Assert.Equal(1500, status!.LevelMm);
        Assert.Equal(Noon, status.LastReadingAt);
    }

    [Fact]
    public async Task A_sensor_that_gives_3_418_volts_shows_them_in_the_status_and_keeps_them_through_a_reading_without_battery()
    {
        var tank = await NewTank("volts");
        await tank.Apply(Level(Noon, 1500) with { BatteryV = 3.418 });
        await tank.Apply(Level(Noon.AddMinutes(1), 1490));

        var status = await tank.GetStatus();
        Assert.Equal(3.418, status!.BatteryV);
        Assert.Null(status.BatteryPct);
    }

    [Fact]
    public async Task A_duplicate_reading_is_dropped_and_drawn_stays_at_3141_6_litres_after_the_new_level_is_read_twice()
    {
        var tank = await NewTank("dup");
        await tank.Apply(Level(Noon, 2000));
        await tank.Apply(Level(Noon.AddMinutes(10), 1000)); // 1,000 mm × 3.1416 L/mm = 3,141.6 L drawn
        await tank.Apply(Level(Noon.AddMinutes(11), 1000)); // a sudden jump counts once the next reading confirms it
        Assert.Equal(ApplyOutcome.Duplicate, await tank.Apply(Level(Noon.AddMinutes(11), 1000)));
        Assert.Equal(ApplyOutcome.Duplicate, await tank.Apply(Level(Noon.AddMinutes(10), 1000)));
        Assert.Equal(ApplyOutcome.Duplicate, await tank.Apply(Level(Noon, 2000)));

        var days = await tank.GetDays(new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 29));
        Assert.Equal(3141.6, Assert.Single(days).DrawnL, 1);
    }

    [Fact]
    public async Task A_reading_for_a_tank_the_registry_does_not_hold_is_an_unknown_tank()
    {
        var stray = fixture.Grains.GetGrain<ITankGrain>(TankKey.Of("nowhere", "t9"));
        Assert.Equal(ApplyOutcome.UnknownTank, await stray.Apply(Level(Noon, 1000)));
        Assert.Null(await stray.GetStatus());
    }

    [Fact]
    public async Task A_depth_of_3100_mm_in_a_3000_mm_tank_is_a_sensor_fault_and_the_level_stays_at_1200_mm()
    {
        var tank = await NewTank("fault");
        var now = fixture.Time.GetUtcNow();
        await tank.Apply(Level(now.AddMinutes(-2), 1200));
        Assert.Equal(ApplyOutcome.SensorFault, await tank.Apply(Level(now.AddMinutes(-1), 3100)));

        var status = await tank.GetStatus();
        Assert.Equal(1200, status!.LevelMm);
        Assert.Equal(TankState.Fault, status.State);
    }

    [Fact]
    public async Task The_level_and_ledger_of_a_new_level_read_twice_survive_the_grain_being_deactivated()
    {
        var tank = await NewTank("reactivate");
        await tank.Apply(Level(Noon, 2000));
        await tank.Apply(Level(Noon.AddMinutes(30), 1500)); // 500 mm = 1,570.8 L drawn
        await tank.Apply(Level(Noon.AddMinutes(40), 1500)); // a sudden change counts once a later reading confirms it

        await fixture.Cluster.DeactivateAsync(tank);

        var status = await tank.GetStatus();
        Assert.Equal(1500, status!.LevelMm);
        var day = Assert.Single(await tank.GetDays(new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 29)));
        Assert.Equal(1570.8, day.DrawnL, 1);
    }

    [Fact]
    public async Task A_tank_silent_for_its_30_minutes_shows_offline_by_the_wall_clock()
    {
        var tank = await NewTank("silent");
        var now = fixture.Time.GetUtcNow();
        await tank.Apply(new TankReading(now, MeasurementKind.LevelMm, 1500, now));
        Assert.Equal(TankState.Ok, (await tank.GetStatus())!.State);

        fixture.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(TankState.Offline, (await tank.GetStatus())!.State);
    }
}
