using CampWater.Readings;
using Xunit;

namespace CampWater.Water;

/// <summary>Against the Ø 2000 × 3000 mm cylinder (π L per mm) with its sensor 3300 mm above the floor, 280 mm blind zone.</summary>
public sealed class ReadingInterpreterTests
{
    private static readonly TankGeometry s_tank = Tanks.VerticalCylinder2000By3000;

    private static LevelInterpretation Interpret(MeasurementKind kind, double value) =>
        ReadingInterpreter.Interpret(kind, value, s_tank, Tanks.Sensor);

    [Fact]
    public void Distance_of_1234_mm_is_a_depth_of_2066_mm_68_87_percent_and_6490_5_litres()
    {
        // 3300 − 1234 = 2066 mm; 2066 / 3000 = 68.867 %; π · 2066 = 6,490.530 L
        var reading = Interpret(MeasurementKind.DistanceMm, 1234);

        Assert.False(reading.IsFault);
        Assert.Null(reading.FaultReason);
        Assert.Equal(2066, reading.DepthMm, 9);
        Assert.Equal(2066, reading.LevelMm, 9);
        Assert.Equal(68.867, reading.LevelPct, 3);
        Assert.Equal(6490.530, reading.VolumeL, 3);
    }

    [Fact]
    public void Distance_of_250_mm_inside_the_280_mm_blind_zone_is_a_fault()
    {
        var reading = Interpret(MeasurementKind.DistanceMm, 250);

        Assert.True(reading.IsFault);
        Assert.Contains("blind zone", reading.FaultReason, StringComparison.Ordinal);
        Assert.Equal(3050, reading.DepthMm, 9);
        Assert.Equal(0, reading.LevelMm);
        Assert.Equal(0, reading.LevelPct);
        Assert.Equal(0, reading.VolumeL);
    }

    [Fact]
    public void Distance_of_exactly_the_280_mm_blind_zone_reads_a_full_tank_of_3000_mm()
    {
        // 3300 − 280 = 3020 mm: 20 mm past the brim, within the 50 mm tolerance, so full.
        var reading = Interpret(MeasurementKind.DistanceMm, 280);

        Assert.False(reading.IsFault);
        Assert.Equal(3020, reading.DepthMm, 9);
        Assert.Equal(3000, reading.LevelMm, 9);
        Assert.Equal(100, reading.LevelPct, 9);
        Assert.Equal(9424.778, reading.VolumeL, 3);
    }

    [Fact]
    public void Distance_of_3420_mm_is_a_depth_of_minus_120_mm_below_the_tank_floor()
    {
        var reading = Interpret(MeasurementKind.DistanceMm, 3420);

        Assert.True(reading.IsFault);
        Assert.Equal("depth -120 mm is below the tank floor", reading.FaultReason);
        Assert.Equal(-120, reading.DepthMm, 9);
        Assert.Equal(0, reading.LevelMm);
    }

    [Fact]
    public void Distance_of_3350_mm_is_a_depth_of_minus_50_mm_and_reads_an_empty_tank()
    {
        var reading = Interpret(MeasurementKind.DistanceMm, 3350);

        Assert.False(reading.IsFault);
        Assert.Equal(-50, reading.DepthMm, 9);
        Assert.Equal(0, reading.LevelMm);
        Assert.Equal(0, reading.LevelPct);
        Assert.Equal(0, reading.VolumeL);
    }

    [Fact]
    public void Distance_of_3350_1_mm_is_a_depth_of_minus_50_1_mm_and_a_fault()
    {
        var reading = Interpret(MeasurementKind.DistanceMm, 3350.1);

        Assert.True(reading.IsFault);
        Assert.Equal(-50.1, reading.DepthMm, 9);
    }

    [Fact]
    public void Level_of_1500_mm_is_50_percent_and_4712_4_litres()
    {
        var reading = Interpret(MeasurementKind.LevelMm, 1500);

        Assert.False(reading.IsFault);
        Assert.Equal(1500, reading.LevelMm, 9);
        Assert.Equal(50, reading.LevelPct, 9);
        Assert.Equal(4712.389, reading.VolumeL, 3);
    }

    [Fact]
    public void Level_of_minus_50_mm_reads_an_empty_tank()
    {
        var reading = Interpret(MeasurementKind.LevelMm, -50);

        Assert.False(reading.IsFault);
        Assert.Equal(0, reading.LevelMm);
        Assert.Equal(0, reading.VolumeL);
    }

    [Fact]
    public void Level_of_minus_50_1_mm_is_below_the_tank_floor()
    {
        var reading = Interpret(MeasurementKind.LevelMm, -50.1);

        Assert.True(reading.IsFault);
        Assert.Equal("depth -50.1 mm is below the tank floor", reading.FaultReason);
    }

    [Fact]
    public void Level_of_3050_mm_in_a_3000_mm_tank_reads_full_at_100_percent()
    {
        var reading = Interpret(MeasurementKind.LevelMm, 3050);

        Assert.False(reading.IsFault);
        Assert.Equal(3050, reading.DepthMm, 9);
        Assert.Equal(3000, reading.LevelMm, 9);
        Assert.Equal(100, reading.LevelPct, 9);
        Assert.Equal(9424.778, reading.VolumeL, 3);
    }

    [Fact]
    public void Level_of_3050_1_mm_in_a_3000_mm_tank_is_above_its_full_height()
    {
        var reading = Interpret(MeasurementKind.LevelMm, 3050.1);

        Assert.True(reading.IsFault);
        Assert.Equal("depth 3050.1 mm is above the full height of 3000 mm", reading.FaultReason);
        Assert.Equal(3050.1, reading.DepthMm, 9);
        Assert.Equal(0, reading.VolumeL);
    }

    [Fact]
    public void Level_of_25_percent_is_750_mm_and_2356_2_litres()
    {
        // 25 % of 3000 mm = 750 mm; π · 750 = 2,356.194 L
        var reading = Interpret(MeasurementKind.LevelPct, 25);

        Assert.False(reading.IsFault);
        Assert.Equal(750, reading.DepthMm, 9);
        Assert.Equal(750, reading.LevelMm, 9);
        Assert.Equal(25, reading.LevelPct, 9);
        Assert.Equal(2356.194, reading.VolumeL, 3);
    }

    [Fact]
    public void Level_of_101_percent_is_3030_mm_and_reads_full()
    {
        var reading = Interpret(MeasurementKind.LevelPct, 101);

        Assert.False(reading.IsFault);
        Assert.Equal(3030, reading.DepthMm, 9);
        Assert.Equal(100, reading.LevelPct, 9);
    }

    [Fact]
    public void Level_of_102_percent_is_3060_mm_and_a_fault()
    {
        var reading = Interpret(MeasurementKind.LevelPct, 102);

        Assert.True(reading.IsFault);
        Assert.Equal(3060, reading.DepthMm, 9);
    }

    [Fact]
    public void Level_of_minus_2_percent_is_minus_60_mm_and_a_fault()
    {
        var reading = Interpret(MeasurementKind.LevelPct, -2);

        Assert.True(reading.IsFault);
        Assert.Equal(-60, reading.DepthMm, 9);
    }

    [Fact]
    public void Volume_of_4712_4_litres_is_a_level_of_1500_mm_and_50_percent()
    {
        var reading = Interpret(MeasurementKind.VolumeL, 4712.38898);

        Assert.False(reading.IsFault);
        Assert.Equal(1500, reading.LevelMm, 3);
        Assert.Equal(50, reading.LevelPct, 3);
        Assert.Equal(4712.389, reading.VolumeL, 3);
    }

    [Fact]
    public void Volume_of_minus_157_litres_the_bottom_50_mm_reads_an_empty_tank()
    {
        // The bottom 50 mm hold π · 50 = 157.080 L, so down to −157.080 L is tolerated.
        var reading = Interpret(MeasurementKind.VolumeL, -157);

        Assert.False(reading.IsFault);
        Assert.Equal(0, reading.LevelMm);
        Assert.Equal(0, reading.VolumeL);
    }

    [Fact]
    public void Volume_of_minus_158_litres_is_below_an_empty_tank()
    {
        var reading = Interpret(MeasurementKind.VolumeL, -158);

        Assert.True(reading.IsFault);
        Assert.Contains("below an empty tank", reading.FaultReason, StringComparison.Ordinal);
        Assert.True(reading.DepthMm < -50);
    }

    [Fact]
    public void Volume_of_9581_litres_within_the_top_50_mm_over_capacity_reads_full()
    {
        // Capacity 9,424.778 L plus the 157.080 L of the top 50 mm = 9,581.858 L tolerated.
        var reading = Interpret(MeasurementKind.VolumeL, 9581);

        Assert.False(reading.IsFault);
        Assert.Equal(3000, reading.LevelMm, 9);
        Assert.Equal(100, reading.LevelPct, 9);
        Assert.Equal(9424.778, reading.VolumeL, 3);
    }

    [Fact]
    public void Volume_of_9582_litres_is_more_than_the_tank_holds()
    {
        var reading = Interpret(MeasurementKind.VolumeL, 9582);

        Assert.True(reading.IsFault);
        Assert.Contains("more than the capacity", reading.FaultReason, StringComparison.Ordinal);
        Assert.True(reading.DepthMm > 3050);
        Assert.Equal(0, reading.LevelMm);
    }

    [Fact]
    public void A_value_that_is_not_a_number_is_a_fault()
    {
        var reading = Interpret(MeasurementKind.LevelMm, double.NaN);

        Assert.True(reading.IsFault);
        Assert.NotNull(reading.FaultReason);
    }
}
