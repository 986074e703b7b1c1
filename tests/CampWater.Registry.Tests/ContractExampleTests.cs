using CampWater.Registry;
using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class ContractExampleTests
{
    [Fact]
    public void The_contract_example_reads_as_camp_atmeh_3_of_4500_people_in_Asia_Damascus()
    {
        var result = RegistryReader.ReadFile(ContractExample);

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        var camp = Assert.Single(result.Value!);
        Assert.Equal("atmeh-3", camp.Id);
        Assert.Equal("Atmeh 3", camp.Name);
        Assert.Equal("Asia/Damascus", camp.TimeZone);
        Assert.Equal(4500, camp.Population);
        Assert.Equal(20, camp.TargetLpd);
        Assert.Equal("00:00-04:00", camp.QuietHours);
    }

    [Fact]
    public void The_contract_example_tank_t1_is_a_3000_by_3000_mm_vertical_cylinder_serving_1500()
    {
        var tank = Assert.Single(Assert.Single(RegistryReader.ReadFile(ContractExample).Value!).Tanks);

        Assert.Equal("t1", tank.Id);
        Assert.Equal("Elevated tank A", tank.Name);
        Assert.Equal(1500, tank.ServesPopulation);
        Assert.Equal(TankShapeKind.VerticalCylinder, tank.Shape);
        Assert.Equal(3000, tank.DiameterMm);
        Assert.Equal(3000, tank.HeightMm);
        Assert.Null(tank.LengthMm);
        Assert.Null(tank.WidthMm);
        Assert.True(tank.Strapping.IsEmpty);
    }

    [Fact]
    public void The_contract_example_sensor_is_mounted_at_3300_mm_with_a_280_mm_blind_zone()
    {
        var tank = Assert.Single(Assert.Single(RegistryReader.ReadFile(ContractExample).Value!).Tanks);

        Assert.Equal(new SensorConfig(3300, 280, "A84041000181C3F1"), tank.Sensor);
    }

    [Fact]
    public void The_contract_example_thresholds_are_25_10_98_30_30_5()
    {
        var tank = Assert.Single(Assert.Single(RegistryReader.ReadFile(ContractExample).Value!).Tanks);

        Assert.Equal(new Thresholds(25, 10, 98, 30, 30, 5), tank.Thresholds);
    }

    [Fact]
    public void Without_targetLpd_quietHours_blindZone_devEui_servesPopulation_and_thresholds_the_defaults_20_00_00_04_00_0_none_even_share_and_25_10_98_30_30_5_apply()
    {
        var camp = CampWith(camp =>
        {
            camp.Remove("targetLpd");
            camp.Remove("quietHours");
            var tank = camp["tanks"]![0]!.AsObject();
            tank.Remove("servesPopulation");
            tank.Remove("thresholds");
            tank["sensor"]!.AsObject().Remove("blindZoneMm");
            tank["sensor"]!.AsObject().Remove("devEui");
        });

        Assert.Equal(20, camp.TargetLpd);
        Assert.Equal("00:00-04:00", camp.QuietHours);
        var tank = Assert.Single(camp.Tanks);
        Assert.Null(tank.ServesPopulation);
        Assert.Equal(new SensorConfig(3300, 0, null), tank.Sensor);
        Assert.Equal(new Thresholds(25, 10, 98, 30, 30, 5), tank.Thresholds);
    }

    [Fact]
    public void Thresholds_given_in_part_keep_the_defaults_for_the_rest()
    {
        var tank = TankWith(tank => tank["thresholds"] = Json("""{ "lowPct": 40 }"""));

        Assert.Equal(new Thresholds(40, 10, 98, 30, 30, 5), tank.Thresholds);
    }

    [Fact]
    public void Null_counts_as_absent_so_servesPopulation_null_is_the_even_share_and_targetLpd_null_is_20()
    {
        var camp = CampWith(camp =>
        {
            camp["targetLpd"] = null;
            camp["tanks"]![0]!["servesPopulation"] = null;
        });

        Assert.Equal(20, camp.TargetLpd);
        Assert.Null(camp.Tanks.Single().ServesPopulation);
    }

    [Fact]
    public void Unknown_properties_region_and_colour_are_ignored()
    {
        var camp = CampWith(camp =>
        {
            camp["region"] = "Idlib";
            camp["tanks"]![0]!["colour"] = Json("""{ "r": 1 }""");
        });

        Assert.Equal("atmeh-3", camp.Id);
    }

    [Fact]
    public void Camp_without_tanks_reads_as_a_camp_with_0_tanks()
    {
        var camp = CampWith(camp => camp.Remove("tanks"));

        Assert.True(camp.Tanks.IsEmpty);
        Assert.False(camp.Tanks.IsDefault);
    }

    [Fact]
    public void A_file_with_0_camps_is_valid_and_empty()
    {
        var result = RegistryReader.ReadFile("""{ "camps": [] }""");

        Assert.True(result.IsValid);
        Assert.Empty(result.Value!);
    }

    [Fact]
    public void Comments_and_trailing_commas_of_a_hand_edited_file_are_accepted()
    {
        var result = RegistryReader.ReadFile("""
            // seeded by the WASH cluster
            { "camps": [ { "id": "c1", "name": "C 1", "timeZone": "UTC", "population": 10, }, ], }
            """);

        Assert.True(result.IsValid);
        Assert.Equal("c1", Assert.Single(result.Value!).Id);
    }

    [Fact]
    public void Id_with_64_characters_of_a_z_0_9_dash_underscore_is_accepted()
    {
        var id = "a-_0" + new string('z', 60);

        var camp = CampWith(camp => camp["id"] = id);

        Assert.Equal(64, camp.Id.Length);
        Assert.Equal(id, camp.Id);
    }

    [Fact]
    public void Population_written_as_4500_point_0_is_the_whole_number_4500()
    {
        Assert.Equal(4500, CampWith(camp => camp["population"] = Json("4500.0")).Population);
    }
}
