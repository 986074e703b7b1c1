using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class StrappingTests
{
    private static TankConfig Table(string strapping) =>
        TankWith(tank => Reshape(tank, "table", ("strapping", Json(strapping))));

    private static RegistryProblem TableProblem(string strapping) =>
        ProblemWithTank(tank => Reshape(tank, "table", ("strapping", Json(strapping))));

    [Fact]
    public void Strapping_of_3_rows_reads_as_3_points_in_order()
    {
        var tank = Table("[[0, 0], [1000, 4000.5], [2000, 9000]]");

        Assert.Equal(TankShapeKind.Table, tank.Shape);
        Assert.Equal([new(0, 0), new(1000, 4000.5), new(2000, 9000)], tank.Strapping.ToArray());
        Assert.Null(tank.DiameterMm);
        Assert.Null(tank.HeightMm);
    }

    [Fact]
    public void Strapping_rows_out_of_order_are_rejected_naming_camp_tank_and_field()
    {
        var problem = TableProblem("[[0, 0], [2000, 5000], [1500, 6000]]");

        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'strapping[2][0]': levelMm 1500 must be greater than 2000 in the row before",
            problem.Message);
        Assert.Equal("camps[0].tanks[0].strapping[2][0]", problem.Path);
    }

    [Fact]
    public void Strapping_with_two_rows_at_1000_mm_is_rejected_as_levels_must_strictly_ascend()
    {
        var problem = TableProblem("[[0, 0], [1000, 5000], [1000, 6000]]");

        Assert.Equal("strapping[2][0]", problem.Field);
        Assert.Equal("levelMm 1000 must be greater than 1000 in the row before", problem.Reason);
    }

    [Fact]
    public void Strapping_litres_falling_from_5000_to_4000_are_rejected()
    {
        var problem = TableProblem("[[0, 0], [1000, 5000], [2000, 4000]]");

        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'strapping[2][1]': litres 4000 must not be less than 5000 in the row before",
            problem.Message);
    }

    [Fact]
    public void Strapping_litres_staying_at_5000_are_accepted_as_non_decreasing()
    {
        Assert.Equal(3, Table("[[0, 0], [1000, 5000], [2000, 5000]]").Strapping.Length);
    }

    [Fact]
    public void Strapping_of_1_row_is_rejected_as_needing_at_least_2()
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'strapping': must have at least 2 rows of [levelMm, litres]",
            TableProblem("[[0, 0]]").Message);
    }

    [Theory]
    [InlineData("[[0, 0], [1000]]")]
    [InlineData("[[0, 0], [1000, 4000, 1]]")]
    [InlineData("[[0, 0], {\"levelMm\": 1000, \"litres\": 4000}]")]
    [InlineData("[[0, 0], 1000]")]
    public void Strapping_row_that_is_not_a_pair_is_rejected(string strapping)
    {
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'strapping[1]': must be a pair [levelMm, litres]",
            TableProblem(strapping).Message);
    }

    [Fact]
    public void Strapping_level_of_minus_10_mm_is_rejected()
    {
        var problem = TableProblem("[[-10, 0], [1000, 4000]]");

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'strapping[0][0]': levelMm must be at least 0", problem.Message);
    }

    [Fact]
    public void Strapping_litres_of_minus_1_are_rejected()
    {
        var problem = TableProblem("[[0, -1], [1000, 4000]]");

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'strapping[0][1]': litres must be at least 0", problem.Message);
    }

    [Fact]
    public void Strapping_value_as_a_string_is_rejected_as_must_be_a_number()
    {
        var problem = TableProblem("""[[0, 0], [1000, "4000"]]""");

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'strapping[1][1]': must be a number", problem.Message);
    }

    [Fact]
    public void Strapping_that_is_not_an_array_is_rejected()
    {
        Assert.Equal("camp 'atmeh-3', tank 't1', field 'strapping': must be an array", TableProblem("{}").Message);
    }

    [Fact]
    public void Strapping_with_one_bad_row_gives_one_problem_not_two()
    {
        // Row 1 is broken; row 2 is not compared with it.
        var problem = TableProblem("[[0, 0], [1000, \"x\"], [500, 100]]");

        Assert.Equal("strapping[1][1]", problem.Field);
    }
}
