using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class SensorRuleTests
{
    [Fact]
    public void Tank_without_sensor_is_rejected_as_required()
    {
        Assert.Equal("camp 'atmeh-3', tank 't1', field 'sensor': is required", ProblemWithTank(tank => tank.Remove("sensor")).Message);
    }

    [Fact]
    public void Sensor_that_is_not_an_object_is_rejected()
    {
        Assert.Equal("camp 'atmeh-3', tank 't1', field 'sensor': must be an object", ProblemWithTank(tank => tank["sensor"] = 3300).Message);
    }

    [Fact]
    public void Sensor_without_mountHeightMm_is_rejected_as_required()
    {
        var problem = ProblemWithTank(tank => tank["sensor"]!.AsObject().Remove("mountHeightMm"));

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'sensor.mountHeightMm': is required", problem.Message);
        Assert.Equal("camps[0].tanks[0].sensor.mountHeightMm", problem.Path);
    }

    [Fact]
    public void Mount_height_of_0_is_rejected()
    {
        var problem = ProblemWithTank(tank => tank["sensor"]!["mountHeightMm"] = 0);

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'sensor.mountHeightMm': must be greater than 0", problem.Message);
    }

    [Fact]
    public void Mount_height_of_2999_below_a_3000_mm_vertical_cylinder_is_rejected()
    {
        var problem = ProblemWithTank(tank => tank["sensor"] = Json("""{ "mountHeightMm": 2999 }"""));

        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'sensor.mountHeightMm': must be at least the tank's full height of 3000 mm",
            problem.Message);
    }

    [Fact]
    public void Mount_height_of_3000_on_a_3000_mm_vertical_cylinder_is_accepted()
    {
        Assert.Equal(3000, TankWith(tank => tank["sensor"] = Json("""{ "mountHeightMm": 3000 }""")).Sensor.MountHeightMm);
    }

    [Fact]
    public void Mount_height_of_1900_below_a_horizontal_cylinder_of_diameter_2000_is_rejected_as_its_full_height_is_the_diameter()
    {
        var problem = ProblemWithTank(tank =>
        {
            Reshape(tank, "horizontal-cylinder", ("diameterMm", 2000), ("lengthMm", 5000));
            tank["sensor"] = Json("""{ "mountHeightMm": 1900 }""");
        });

        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'sensor.mountHeightMm': must be at least the tank's full height of 2000 mm",
            problem.Message);
    }

    [Fact]
    public void Mount_height_of_1500_below_a_rectangular_tank_1600_high_is_rejected()
    {
        var problem = ProblemWithTank(tank =>
        {
            Reshape(tank, "rectangular", ("widthMm", 2000), ("lengthMm", 4000), ("heightMm", 1600));
            tank["sensor"] = Json("""{ "mountHeightMm": 1500 }""");
        });

        Assert.Equal("sensor.mountHeightMm", problem.Field);
        Assert.Equal("must be at least the tank's full height of 1600 mm", problem.Reason);
    }

    [Fact]
    public void Mount_height_of_1900_below_a_strapping_table_ending_at_2000_mm_is_rejected()
    {
        var problem = ProblemWithTank(tank =>
        {
            Reshape(tank, "table", ("strapping", Json("[[0, 0], [2000, 9000]]")));
            tank["sensor"] = Json("""{ "mountHeightMm": 1900 }""");
        });

        Assert.Equal("must be at least the tank's full height of 2000 mm", problem.Reason);
    }

    [Fact]
    public void Blind_zone_of_minus_1_is_rejected()
    {
        var problem = ProblemWithTank(tank => tank["sensor"]!["blindZoneMm"] = -1);

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'sensor.blindZoneMm': must be at least 0", problem.Message);
    }

    [Fact]
    public void Blind_zone_of_3300_on_a_sensor_mounted_at_3300_is_rejected()
    {
        var problem = ProblemWithTank(tank => tank["sensor"]!["blindZoneMm"] = 3300);

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'sensor.blindZoneMm': must be less than mountHeightMm (3300)", problem.Message);
    }

    [Fact]
    public void Dev_eui_in_lower_case_is_stored_in_upper_case()
    {
        Assert.Equal("A84041000181C3F1", TankWith(tank => tank["sensor"]!["devEui"] = "a84041000181c3f1").Sensor.DevEui);
    }

    [Theory]
    [InlineData("A84041000181C3F")]
    [InlineData("A84041000181C3F10")]
    [InlineData("G84041000181C3F1")]
    [InlineData("A8-40-41-00-01-81-C3-F1")]
    [InlineData("")]
    public void Dev_eui_that_is_not_16_hex_digits_is_rejected(string devEui)
    {
        var problem = ProblemWithTank(tank => tank["sensor"]!["devEui"] = devEui);

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'sensor.devEui': must be 16 hex digits", problem.Message);
    }

    [Fact]
    public void Dev_eui_as_a_number_is_rejected_as_must_be_a_string()
    {
        var problem = ProblemWithTank(tank => tank["sensor"]!["devEui"] = 1234567890123456);

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'sensor.devEui': must be a string", problem.Message);
    }
}
