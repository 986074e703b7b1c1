using System.Text.Json.Nodes;
using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class TankRuleTests
{
    [Fact]
    public void Tank_id_T_1_is_rejected_naming_camp_tank_and_field()
    {
        var problem = ProblemWithTank(tank => tank["id"] = "T 1");

        Assert.Equal("camp 'atmeh-3', tank 'T 1', field 'id': must be 1 to 64 characters of a-z, 0-9, '-' or '_'", problem.Message);
        Assert.Equal("atmeh-3", problem.CampId);
        Assert.Equal("T 1", problem.TankId);
        Assert.Equal("camps[0].tanks[0].id", problem.Path);
    }

    [Fact]
    public void Tank_without_id_is_rejected_naming_the_camp_and_its_position_tanks_0()
    {
        var problem = ProblemWithTank(tank => tank.Remove("id"));

        Assert.Equal("camp 'atmeh-3', field 'tanks[0].id': is required", problem.Message);
        Assert.Null(problem.TankId);
    }

    [Fact]
    public void Two_tanks_t1_in_one_camp_are_rejected_at_the_second_naming_the_first()
    {
        var file = Example();
        Camp(file)["tanks"]!.AsArray().Add(Tank(file).DeepClone());

        var problem = Assert.Single(Read(file).Problems);

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'id': must be unique; tanks[0] has the same id", problem.Message);
        Assert.Equal("camps[0].tanks[1].id", problem.Path);
    }

    [Fact]
    public void Tank_t1_in_two_different_camps_is_accepted()
    {
        var file = Example();
        var second = Camp(file).DeepClone().AsObject();
        second["id"] = "atmeh-4";
        file["camps"]!.AsArray().Add(second);

        var result = Read(file);

        Assert.True(result.IsValid);
        Assert.All(result.Value!, camp => Assert.Equal("t1", camp.Tanks.Single().Id));
    }

    [Fact]
    public void Tank_in_a_camp_without_id_is_named_by_its_position_so_two_unnamed_camps_do_not_read_alike()
    {
        var file = Example();
        Camp(file).Remove("id");
        Tank(file)["diameterMm"] = 0;

        var problems = Read(file).Problems;

        Assert.Equal(2, problems.Count);
        Assert.Equal("field 'camps[0].id': is required", problems[0].Message);
        Assert.Equal("tank 't1', field 'camps[0].tanks[0].diameterMm': must be greater than 0", problems[1].Message);
    }

    [Fact]
    public void Tank_with_an_empty_name_is_rejected()
    {
        Assert.Equal("camp 'atmeh-3', tank 't1', field 'name': must not be empty", ProblemWithTank(tank => tank["name"] = "").Message);
    }

    [Fact]
    public void Serves_population_of_minus_1_is_rejected_and_0_accepted()
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'servesPopulation': must be at least 0",
            ProblemWithTank(tank => tank["servesPopulation"] = -1).Message);
        Assert.Equal(0, TankWith(tank => tank["servesPopulation"] = 0).ServesPopulation);
    }

    [Fact]
    public void Serves_population_of_1500_point_5_is_rejected_as_not_a_whole_number()
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'servesPopulation': must be a whole number",
            ProblemWithTank(tank => tank["servesPopulation"] = 1500.5).Message);
    }

    [Theory]
    [InlineData("cube")]
    [InlineData("Vertical-Cylinder")]
    [InlineData("vertical_cylinder")]
    public void Shape_other_than_the_four_names_is_rejected(string shape)
    {
        var problem = ProblemWithTank(tank => tank["shape"] = shape);

        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'shape': must be 'vertical-cylinder', 'horizontal-cylinder', 'rectangular' or 'table'",
            problem.Message);
    }

    [Fact]
    public void Tank_without_shape_is_rejected_as_required()
    {
        Assert.Equal("camp 'atmeh-3', tank 't1', field 'shape': is required", ProblemWithTank(tank => tank.Remove("shape")).Message);
    }

    [Fact]
    public void Horizontal_cylinder_of_diameter_2000_and_length_5000_reads_with_no_height()
    {
        var tank = TankWith(tank => Reshape(tank, "horizontal-cylinder", ("diameterMm", 2000), ("lengthMm", 5000)));

        Assert.Equal(TankShapeKind.HorizontalCylinder, tank.Shape);
        Assert.Equal(2000, tank.DiameterMm);
        Assert.Equal(5000, tank.LengthMm);
        Assert.Null(tank.HeightMm);
        Assert.Null(tank.WidthMm);
    }

    [Fact]
    public void Rectangular_tank_of_2000_by_4000_by_1500_reads_with_no_diameter()
    {
        var tank = TankWith(tank => Reshape(tank, "rectangular", ("widthMm", 2000), ("lengthMm", 4000), ("heightMm", 1500)));

        Assert.Equal(TankShapeKind.Rectangular, tank.Shape);
        Assert.Equal(2000, tank.WidthMm);
        Assert.Equal(4000, tank.LengthMm);
        Assert.Equal(1500, tank.HeightMm);
        Assert.Null(tank.DiameterMm);
    }

    [Theory]
    [InlineData("vertical-cylinder", "diameterMm")]
    [InlineData("vertical-cylinder", "heightMm")]
    [InlineData("horizontal-cylinder", "diameterMm")]
    [InlineData("horizontal-cylinder", "lengthMm")]
    [InlineData("rectangular", "widthMm")]
    [InlineData("rectangular", "lengthMm")]
    [InlineData("rectangular", "heightMm")]
    [InlineData("table", "strapping")]
    public void Each_dimension_that_a_shape_needs_is_required(string shape, string missing)
    {
        var problem = ProblemWithTank(tank =>
        {
            Reshape(tank, shape, AllOf(shape));
            tank.Remove(missing);
        });

        Assert.Equal($"camp 'atmeh-3', tank 't1', field '{missing}': is required", problem.Message);
    }

    [Theory]
    [InlineData("vertical-cylinder", "lengthMm")]
    [InlineData("vertical-cylinder", "widthMm")]
    [InlineData("vertical-cylinder", "strapping")]
    [InlineData("horizontal-cylinder", "heightMm")]
    [InlineData("horizontal-cylinder", "widthMm")]
    [InlineData("rectangular", "diameterMm")]
    [InlineData("table", "heightMm")]
    [InlineData("table", "diameterMm")]
    public void A_dimension_the_shape_does_not_use_is_rejected_as_not_used_by_that_shape(string shape, string extra)
    {
        var problem = ProblemWithTank(tank =>
        {
            Reshape(tank, shape, AllOf(shape));
            tank[extra] = extra == "strapping" ? Json("[[0, 0], [1000, 1000]]") : 1000;
        });

        Assert.Equal($"camp 'atmeh-3', tank 't1', field '{extra}': not used by shape '{shape}'", problem.Message);
    }

    [Theory]
    [InlineData("diameterMm", 0)]
    [InlineData("diameterMm", -3000)]
    [InlineData("heightMm", 0)]
    public void Dimension_of_0_or_less_is_rejected_naming_camp_tank_and_field(string field, double value)
    {
        var problem = ProblemWithTank(tank => tank[field] = value);

        Assert.Equal($"camp 'atmeh-3', tank 't1', field '{field}': must be greater than 0", problem.Message);
        Assert.Equal($"camps[0].tanks[0].{field}", problem.Path);
    }

    [Fact]
    public void Dimension_of_100001_mm_is_rejected_and_100000_accepted()
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'diameterMm': must be at most 100000",
            ProblemWithTank(tank => tank["diameterMm"] = 100_001).Message);
        Assert.Equal(100_000, TankWith(tank => tank["diameterMm"] = 100_000).DiameterMm);
    }

    [Fact]
    public void Dimension_as_the_string_3000_is_rejected_as_must_be_a_number()
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'heightMm': must be a number",
            ProblemWithTank(tank => tank["heightMm"] = "3000").Message);
    }

    [Fact]
    public void Fractional_dimensions_like_2999_point_5_mm_are_kept()
    {
        Assert.Equal(2999.5, TankWith(tank => tank["diameterMm"] = 2999.5).DiameterMm);
    }

    [Fact]
    public void Tank_that_is_not_an_object_is_rejected_naming_its_position()
    {
        var problem = ProblemWithCamp(camp => camp["tanks"] = Json("[42]"));

        Assert.Equal("camp 'atmeh-3', field 'tanks[0]': must be an object", problem.Message);
        Assert.Equal("camps[0].tanks[0]", problem.Path);
    }

    internal static (string, JsonNode?)[] AllOf(string shape) =>
        shape switch
        {
            "vertical-cylinder" => [("diameterMm", 3000), ("heightMm", 3000)],
            "horizontal-cylinder" => [("diameterMm", 2000), ("lengthMm", 5000)],
            "rectangular" => [("widthMm", 2000), ("lengthMm", 4000), ("heightMm", 1500)],
            "table" => [("strapping", Json("[[0, 0], [1000, 4000], [2000, 9000]]"))],
            _ => throw new ArgumentOutOfRangeException(nameof(shape)),
        };
}
