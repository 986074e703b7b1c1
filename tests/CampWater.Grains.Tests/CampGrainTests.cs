using CampWater.Grains;
using CampWater.Registry;
using static CampWater.TestCamps;

namespace CampWater;

public sealed class CampGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Coverage_sums_two_tanks_drawing_3141_6_litres_each_read_twice_at_the_new_level_to_6_28_lpd_for_1000_people()
    {
        var camp = fixture.Grains.GetGrain<ICampGrain>("two-tanks");
        await camp.Configure(Camp("two-tanks", 1000, Cylinder("a"), Cylinder("b")), replaceTanks: true);
        foreach (var id in new[] { "a", "b" })
        {
            var tank = fixture.Grains.GetGrain<ITankGrain>(TankKey.Of("two-tanks", id));
            await tank.Apply(Level(Noon, 2500));
            await tank.Apply(Level(Noon.AddMinutes(20), 1500)); // 1,000 mm = 3,141.6 L
            await tank.Apply(Level(Noon.AddMinutes(21), 1500)); // a sudden jump counts once the next reading confirms it
        }

        var day = Assert.Single(await camp.GetCoverage(new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 29)));
        Assert.Equal(6283.2, day.DrawnL, 1);
        Assert.Equal(6.28, day.Lpd!.Value, 2);
        Assert.Null(day.Met); // 20 minutes of readings are too few to judge the day
        Assert.Equal(1000, day.Population);
    }

    [Fact]
    public async Task The_camp_summary_shows_the_volume_of_its_tanks_4712_4_litres_at_1500_mm()
    {
        var camp = fixture.Grains.GetGrain<ICampGrain>("summary");
        await camp.Configure(Camp("summary"), replaceTanks: true);
        await fixture.Grains.GetGrain<ITankGrain>(TankKey.Of("summary", "t1")).Apply(Level(Noon, 1500));

        // The tank tells its camp one-way; give the message a moment to land.
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var summary = await camp.GetSummary();
        while (summary!.VolumeL == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            summary = await camp.GetSummary();
        }

        Assert.Equal(4712.4, summary.VolumeL, 1);
        Assert.Equal(50, summary.LevelPct!.Value, 2);
    }

    [Fact]
    public async Task Seeding_an_unchanged_file_keeps_a_population_of_5200_set_through_the_api()
    {
        var camp = fixture.Grains.GetGrain<ICampGrain>("seeded");
        var fromFile = Camp("seeded", 4500);
        await camp.Seed(fromFile);
        await camp.Configure(fromFile with { Population = 5200, Tanks = [] }, replaceTanks: false);

        await camp.Seed(fromFile); // a restart with the same file
        Assert.Equal(5200, (await camp.GetConfig())!.Population);
        Assert.Single((await camp.GetConfig())!.Tanks);
    }

    [Fact]
    public async Task Seeding_a_changed_file_applies_its_new_population_of_6000()
    {
        var camp = fixture.Grains.GetGrain<ICampGrain>("reseeded");
        var fromFile = Camp("reseeded", 4500);
        await camp.Seed(fromFile);
        await camp.Configure(fromFile with { Population = 5200, Tanks = [] }, replaceTanks: false);

        await camp.Seed(fromFile with { Population = 6000 });
        Assert.Equal(6000, (await camp.GetConfig())!.Population);
    }

    [Fact]
    public async Task Seeding_keeps_a_tank_threshold_edited_through_the_api_when_that_tank_is_unchanged_in_the_file()
    {
        var camp = fixture.Grains.GetGrain<ICampGrain>("tank-edit");
        var fromFile = Camp("tank-edit", 1000, Cylinder("a"), Cylinder("b"));
        await camp.Seed(fromFile);
        await camp.ConfigureTank(Cylinder("a") with { Thresholds = Thresholds.Default with { LowPct = 40 } });

        await camp.Seed(fromFile with { Population = 1200 });
        var config = (await camp.GetConfig())!;
        Assert.Equal(1200, config.Population);
        Assert.Equal(40, config.Tanks.Single(t => t.Id == "a").Thresholds.LowPct);
    }

    [Fact]
    public async Task A_camp_seeded_from_the_file_then_a_threshold_moved_by_omar_from_25_to_40_are_in_the_change_log_newest_first()
    {
        var camp = fixture.Grains.GetGrain<ICampGrain>("changes");
        await camp.Seed(Camp("changes", 1000, Cylinder("a")));
        await camp.ConfigureTank(Cylinder("a") with { Thresholds = Thresholds.Default with { LowPct = 40 } }, by: "omar");
        await camp.ConfigureTank(Cylinder("a") with { Thresholds = Thresholds.Default with { LowPct = 40 } }, by: "omar"); // no change

        var log = await fixture.Grains.GetGrain<IChangeLogGrain>("changes").List(tankId: null, max: 10);

        Assert.Equal(3, log.Length);
        Assert.Equal(("omar", "a", Changes.ConfigChangeKind.Changed), (log[0].By, log[0].TankId, log[0].Kind));
        Assert.Equal(new Changes.FieldChange("thresholds.lowPct", "25", "40"), Assert.Single(log[0].Fields));
        Assert.Equal(("registry file", Changes.ConfigChangeKind.Created), (log[1].By, log[1].Kind));
        Assert.Equal(("registry file", (string?)null), (log[2].By, log[2].TankId));
        Assert.Equal(2, (await fixture.Grains.GetGrain<IChangeLogGrain>("changes").List(tankId: "a", max: 10)).Length);
    }

    [Fact]
    public async Task The_change_log_keeps_the_newest_500_changes_of_520()
    {
        var log = fixture.Grains.GetGrain<IChangeLogGrain>("bounded");
        var at = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 520; i += 20)
        {
            await log.Record([.. Enumerable.Range(i, 20).Select(n => new Changes.ConfigChange(
                at.AddMinutes(n), "omar", "bounded", "a", Changes.ConfigChangeKind.Changed,
                [new Changes.FieldChange("population", n.ToString(System.Globalization.CultureInfo.InvariantCulture), null)]))]);
        }

        var kept = await log.List(null, 1000);
        Assert.Equal(500, kept.Length);
        Assert.Equal(at.AddMinutes(519), kept[0].At);
        Assert.Equal(at.AddMinutes(20), kept[^1].At);
    }
}
