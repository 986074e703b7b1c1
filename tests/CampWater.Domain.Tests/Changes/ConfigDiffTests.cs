using CampWater.Registry;
using Xunit;

namespace CampWater.Changes;

/// <summary>Camp "c" of 4,500 people with tanks t1 and t2 (vertical cylinders, lowPct 25), changed by omar at 10:15.</summary>
public sealed class ConfigDiffTests
{
    private static readonly DateTimeOffset s_at = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);

    private static TankConfig Tank(string id) =>
        Water.Tanks.Tank(TankShapeKind.VerticalCylinder, diameterMm: 2000, heightMm: 3000) with { Id = id, Name = $"Tank {id}" };

    private static CampConfig Camp(params TankConfig[] tanks) =>
        new("c", "Camp C", "Asia/Damascus", 4500, 20, CampConfig.DefaultQuietHours, [.. tanks]);

    [Fact]
    public void Low_threshold_moved_from_25_to_33_is_one_change_of_thresholds_lowPct_from_25_to_33_by_omar()
    {
        var before = Camp(Tank("t1"), Tank("t2"));
        var after = before with { Tanks = [Tank("t1") with { Thresholds = Thresholds.Default with { LowPct = 33 } }, Tank("t2")] };

        var change = Assert.Single(ConfigDiff.Between(before, after, "omar", s_at));

        Assert.Equal("omar", change.By);
        Assert.Equal(s_at, change.At);
        Assert.Equal("c", change.CampId);
        Assert.Equal("t1", change.TankId);
        Assert.Equal(ConfigChangeKind.Changed, change.Kind);
        Assert.Equal(new FieldChange("thresholds.lowPct", "25", "33"), Assert.Single(change.Fields));
    }

    [Fact]
    public void The_same_configuration_again_is_no_change()
    {
        var camp = Camp(Tank("t1"), Tank("t2"));

        Assert.Empty(ConfigDiff.Between(camp, camp with { Tanks = [Tank("t1"), Tank("t2")] }, "omar", s_at));
    }

    [Fact]
    public void Population_4500_to_5200_and_a_new_name_are_two_fields_of_the_camp_in_registry_order()
    {
        var before = Camp(Tank("t1"));
        var after = before with { Name = "Camp C (north)", Population = 5200 };

        var change = Assert.Single(ConfigDiff.Between(before, after, "omar", s_at));

        Assert.Null(change.TankId);
        Assert.Equal(
            [new FieldChange("name", "\"Camp C\"", "\"Camp C (north)\""), new FieldChange("population", "4500", "5200")],
            change.Fields);
    }

    [Fact]
    public void A_devEui_given_and_a_tank_removed_show_from_null_to_the_devEui_and_the_removed_tanks_fields_to_null()
    {
        var before = Camp(Tank("t1"), Tank("t2"));
        var after = before with { Tanks = [Tank("t1") with { Sensor = Tank("t1").Sensor with { DevEui = "A84041000181C3F1" } }] };

        var changes = ConfigDiff.Between(before, after, "omar", s_at);

        Assert.Equal(2, changes.Length);
        Assert.Equal(new FieldChange("sensor.devEui", null, "\"A84041000181C3F1\""), Assert.Single(changes[0].Fields));
        Assert.Equal(ConfigChangeKind.Removed, changes[1].Kind);
        Assert.Equal("t2", changes[1].TankId);
        Assert.Contains(new FieldChange("thresholds.lowPct", "25", null), changes[1].Fields);
        Assert.All(changes[1].Fields, f => Assert.Null(f.To));
    }

    [Fact]
    public void A_new_camp_with_2_tanks_is_3_creations_listing_every_field_from_null()
    {
        var changes = ConfigDiff.Between(null, Camp(Tank("t1"), Tank("t2")), ConfigDiff.RegistryFile, s_at);

        Assert.Equal(3, changes.Length);
        Assert.All(changes, c => Assert.Equal(ConfigChangeKind.Created, c.Kind));
        Assert.All(changes, c => Assert.Equal("registry file", c.By));
        Assert.Equal([null, "t1", "t2"], changes.Select(c => c.TankId));
        Assert.Contains(new FieldChange("population", null, "4500"), changes[0].Fields);
        Assert.DoesNotContain(changes[0].Fields, f => f.Field is "id" or "tanks");
        Assert.Contains(new FieldChange("sensor.mountHeightMm", null, "3300"), changes[1].Fields);
    }

    [Fact]
    public void A_strapping_table_that_gains_a_row_is_one_change_of_the_whole_table()
    {
        var table = Water.Tanks.Tank(TankShapeKind.Table, strapping: [new StrappingPoint(0, 0), new StrappingPoint(1000, 5000)]);
        var before = Camp(table);
        var after = Camp(table with { Strapping = [new StrappingPoint(0, 0), new StrappingPoint(1000, 5000), new StrappingPoint(1300, 6000)] });

        var field = Assert.Single(Assert.Single(ConfigDiff.Between(before, after, "omar", s_at)).Fields);

        Assert.Equal(new FieldChange("strapping", "[[0,0],[1000,5000]]", "[[0,0],[1000,5000],[1300,6000]]"), field);
    }
}
