using System.Collections.Immutable;
using CampWater.Registry;
using CampWater.Silo.Ingestion;

namespace CampWater.Sensors.Tests;

public sealed class TankIndexTests
{
    private static TankConfig Tank(string id, string? devEui) =>
        new(id, id, null, TankShapeKind.VerticalCylinder, 2000, 3000, null, null, [], new SensorConfig(3300, 250, devEui), Thresholds.Default);

    private static CampConfig Camp(string id, params TankConfig[] tanks) =>
        new(id, id, "Asia/Damascus", 1000, 20, "00:00-04:00", [.. tanks]);

    [Fact]
    public void A_devEui_finds_its_tank_in_any_case()
    {
        var index = TankIndex.From([Camp("atmeh-3", Tank("t1", "A84041000181C3F1"), Tank("t4", null))]);

        Assert.True(index.TryFind("a84041000181c3f1", out var tank));
        Assert.Equal(new TankAddress("atmeh-3", "t1"), tank);
        Assert.Equal(1, index.DeviceCount);
    }

    [Fact]
    public void An_unknown_devEui_is_not_found()
    {
        Assert.False(TankIndex.From([Camp("atmeh-3", Tank("t1", "A84041000181C3F1"))]).TryFind("0000000000000000", out _));
    }

    [Fact]
    public void A_devEui_named_by_two_tanks_goes_to_the_first_camp_by_id_and_is_reported()
    {
        var index = TankIndex.From([Camp("b-camp", Tank("t9", "A84041000181C3F1")), Camp("a-camp", Tank("t1", "A84041000181C3F1"))]);

        Assert.True(index.TryFind("A84041000181C3F1", out var tank));
        Assert.Equal(new TankAddress("a-camp", "t1"), tank);
        Assert.Contains("b-camp/t9", Assert.Single(index.Conflicts), StringComparison.Ordinal);
    }

    [Fact]
    public void The_index_knows_each_camps_tanks_by_their_exact_ids_and_nothing_else()
    {
        var index = TankIndex.From([Camp("atmeh-3", Tank("t1", null), Tank("t2", "A84041000181C3F1")), Camp("kutupalong-c12", Tank("north", null))]);

        Assert.True(index.Knows("atmeh-3", "t1"));
        Assert.True(index.Knows("atmeh-3", "t2"));
        Assert.True(index.Knows("kutupalong-c12", "north"));
        Assert.False(index.Knows("atmeh-3", "north"));
        Assert.False(index.Knows("atmeh-4", "t1"));
        Assert.False(index.Knows("Atmeh-3", "t1"));
        Assert.Equal(3, index.TankCount);
    }
}
