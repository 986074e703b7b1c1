using CampWater.Registry;
using Xunit;

namespace CampWater.Water;

public sealed class TankGeometryTests
{
    private static readonly TankGeometry s_vertical = Tanks.VerticalCylinder2000By3000;
    private static readonly TankGeometry s_horizontal = Tanks.HorizontalCylinder2000By5000;
    private static readonly TankGeometry s_rectangular = Tanks.Rectangular2000By1500By1000;
    private static readonly TankGeometry s_table = Tanks.Table;

    [Fact]
    public void Vertical_cylinder_of_2000_mm_by_3000_mm_holds_9424_8_litres()
    {
        // π · 1000² · 3000 mm³ = 9,424,777,961 mm³ = 9,424.778 L
        Assert.Equal(TankShapeKind.VerticalCylinder, s_vertical.Shape);
        Assert.Equal(3000, s_vertical.FullHeightMm);
        Assert.Equal(9424.778, s_vertical.CapacityL, 3);
    }

    [Fact]
    public void Vertical_cylinder_of_2000_mm_holds_4712_4_litres_at_1500_mm()
    {
        // π · 1000² · 1500 mm³ = 4,712.389 L
        Assert.Equal(4712.389, s_vertical.VolumeAt(1500), 3);
    }

    [Fact]
    public void Vertical_cylinder_level_at_4712_4_litres_is_1500_mm()
    {
        Assert.Equal(1500, s_vertical.LevelAt(4712.38898), 3);
    }

    [Fact]
    public void Levels_outside_the_tank_are_clamped_to_0_and_9424_8_litres()
    {
        Assert.Equal(0, s_vertical.VolumeAt(-40));
        Assert.Equal(9424.778, s_vertical.VolumeAt(3040), 3);
    }

    [Fact]
    public void Volumes_outside_the_tank_are_clamped_to_0_and_3000_mm()
    {
        Assert.Equal(0, s_vertical.LevelAt(-100));
        Assert.Equal(3000, s_vertical.LevelAt(10_000), 6);
    }

    [Fact]
    public void Horizontal_cylinder_of_2000_mm_by_5000_mm_is_full_at_its_diameter_with_15708_0_litres()
    {
        // Full depth h = 2r: A = r²·acos(−1) − (−r)·√0 = π·1000² mm²; × 5000 mm = 15,707.963 L
        Assert.Equal(TankShapeKind.HorizontalCylinder, s_horizontal.Shape);
        Assert.Equal(2000, s_horizontal.FullHeightMm);
        Assert.Equal(15707.963, s_horizontal.CapacityL, 3);
    }

    [Fact]
    public void Horizontal_cylinder_holds_7854_0_litres_at_half_depth()
    {
        // h = r = 1000: A = r²·acos(0) − 0 = 1000²·π/2 = 1,570,796.33 mm²; × 5000 mm = 7,853.982 L
        Assert.Equal(7853.982, s_horizontal.VolumeAt(1000), 3);
    }

    [Fact]
    public void Horizontal_cylinder_holds_3070_9_litres_at_a_quarter_of_its_depth()
    {
        // h = 500, r − h = 500: A = 1000²·acos(0.5) − 500·√(2·1000·500 − 500²)
        //   = 1,000,000 · 1.0471976 − 500 · 866.0254 = 1,047,197.55 − 433,012.70 = 614,184.85 mm²
        // × 5000 mm = 3,070,924,247 mm³ = 3,070.924 L (a 19.55 % share at 25 % of the depth)
        Assert.Equal(3070.924, s_horizontal.VolumeAt(500), 3);
    }

    [Fact]
    public void Horizontal_cylinder_holds_12637_0_litres_at_three_quarters_of_its_depth()
    {
        // By symmetry: full − quarter = 15,707.963 − 3,070.924 = 12,637.039 L
        Assert.Equal(12637.039, s_horizontal.VolumeAt(1500), 3);
    }

    [Theory]
    [InlineData(3070.924, 500)]
    [InlineData(7853.982, 1000)]
    [InlineData(12637.039, 1500)]
    public void Horizontal_cylinder_level_inverts_its_volume_to_within_0_001_mm(double litres, double expectedMm)
    {
        Assert.Equal(expectedMm, s_horizontal.LevelAt(litres), 0.002);
    }

    [Fact]
    public void Horizontal_cylinder_level_at_its_capacity_of_15708_0_litres_is_its_2000_mm_diameter()
    {
        // Not from a rounded figure: the surface narrows to nothing at the top, so there a thousandth of
        // a litre is worth a sizeable fraction of a millimetre.
        Assert.Equal(2000, s_horizontal.LevelAt(s_horizontal.CapacityL), 0.001);
    }

    [Fact]
    public void Horizontal_cylinder_level_at_0_litres_is_0_mm()
    {
        Assert.Equal(0, s_horizontal.LevelAt(0), 0.001);
    }

    [Fact]
    public void Rectangular_tank_of_2000_by_1500_by_1000_mm_holds_3000_litres()
    {
        Assert.Equal(TankShapeKind.Rectangular, s_rectangular.Shape);
        Assert.Equal(1000, s_rectangular.FullHeightMm);
        Assert.Equal(3000, s_rectangular.CapacityL, 9);
    }

    [Fact]
    public void Rectangular_tank_holds_1200_litres_at_400_mm()
    {
        // 2000 · 1500 · 400 mm³ = 1,200,000,000 mm³
        Assert.Equal(1200, s_rectangular.VolumeAt(400), 9);
    }

    [Fact]
    public void Rectangular_tank_level_at_1200_litres_is_400_mm()
    {
        Assert.Equal(400, s_rectangular.LevelAt(1200), 9);
    }

    [Fact]
    public void Table_is_full_at_its_last_level_of_1800_mm_with_2300_litres()
    {
        Assert.Equal(TankShapeKind.Table, s_table.Shape);
        Assert.Equal(1800, s_table.FullHeightMm);
        Assert.Equal(2300, s_table.CapacityL, 9);
    }

    [Fact]
    public void Table_holds_600_litres_at_600_mm_between_its_points()
    {
        // Between (200, 100) and (1000, 1100): 100 + (600 − 200) / 800 · 1000 = 600 L
        Assert.Equal(600, s_table.VolumeAt(600), 9);
    }

    [Fact]
    public void Table_holds_1700_litres_at_1400_mm_between_its_upper_points()
    {
        // Between (1000, 1100) and (1800, 2300): 1100 + 400 / 800 · 1200 = 1700 L
        Assert.Equal(1700, s_table.VolumeAt(1400), 9);
    }

    [Fact]
    public void Table_holds_50_litres_at_100_mm_below_its_first_point()
    {
        // From (0, 0) to the first point (200, 100): 100 / 200 · 100 = 50 L
        Assert.Equal(50, s_table.VolumeAt(100), 9);
    }

    [Fact]
    public void Table_holds_exactly_its_points()
    {
        Assert.Equal(100, s_table.VolumeAt(200), 9);
        Assert.Equal(1100, s_table.VolumeAt(1000), 9);
    }

    [Theory]
    [InlineData(50, 100)]
    [InlineData(600, 600)]
    [InlineData(1100, 1000)]
    [InlineData(1700, 1400)]
    [InlineData(2300, 1800)]
    public void Table_level_inverts_its_volume_linearly(double litres, double expectedMm)
    {
        Assert.Equal(expectedMm, s_table.LevelAt(litres), 9);
    }

    [Fact]
    public void Table_whose_first_point_is_the_floor_keeps_its_dead_volume_of_40_litres_at_0_mm()
    {
        var geometry = TankGeometry.From(Tanks.Tank(
            TankShapeKind.Table,
            strapping: [new StrappingPoint(0, 40), new StrappingPoint(1000, 1040)]));

        Assert.Equal(40, geometry.VolumeAt(0), 9);
        Assert.Equal(540, geometry.VolumeAt(500), 9);
        Assert.Equal(0, geometry.LevelAt(20), 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(123.4)]
    [InlineData(1500)]
    [InlineData(2999.9)]
    [InlineData(3000)]
    public void Vertical_cylinder_level_is_the_inverse_of_volume(double levelMm)
    {
        Assert.Equal(levelMm, s_vertical.LevelAt(s_vertical.VolumeAt(levelMm)), 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(321)]
    [InlineData(1999)]
    public void Horizontal_cylinder_level_is_the_inverse_of_volume(double levelMm)
    {
        Assert.Equal(levelMm, s_horizontal.LevelAt(s_horizontal.VolumeAt(levelMm)), 0.002);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(77)]
    [InlineData(999)]
    public void Rectangular_level_is_the_inverse_of_volume(double levelMm)
    {
        Assert.Equal(levelMm, s_rectangular.LevelAt(s_rectangular.VolumeAt(levelMm)), 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(150)]
    [InlineData(200)]
    [InlineData(777)]
    [InlineData(1799)]
    public void Table_level_is_the_inverse_of_volume(double levelMm)
    {
        Assert.Equal(levelMm, s_table.LevelAt(s_table.VolumeAt(levelMm)), 6);
    }

    [Fact]
    public void Table_points_given_out_of_order_are_read_in_level_order()
    {
        var geometry = TankGeometry.From(Tanks.Tank(
            TankShapeKind.Table,
            strapping: [new StrappingPoint(1800, 2300), new StrappingPoint(200, 100), new StrappingPoint(1000, 1100)]));

        Assert.Equal(2300, geometry.CapacityL, 9);
        Assert.Equal(600, geometry.VolumeAt(600), 9);
    }
}
