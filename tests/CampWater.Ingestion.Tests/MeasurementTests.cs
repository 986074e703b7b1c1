using CampWater.Readings;
using static CampWater.Ingestion.Tests.Payload;

namespace CampWater.Ingestion.Tests;

public sealed class MeasurementTests
{
    [Fact]
    public void Distance_of_1234_mm_is_a_DistanceMm_reading_of_1234()
    {
        var reading = Accepted("""{ "ts": "2026-11-29T10:15:00Z", "distanceMm": 1234 }""");

        Assert.Equal(MeasurementKind.DistanceMm, reading.Kind);
        Assert.Equal(1234, reading.Value);
    }

    [Fact]
    public void Level_of_1800_point_5_mm_is_a_LevelMm_reading_of_1800_point_5()
    {
        var reading = Accepted("""{ "levelMm": 1800.5 }""");

        Assert.Equal(MeasurementKind.LevelMm, reading.Kind);
        Assert.Equal(1800.5, reading.Value);
    }

    [Fact]
    public void Level_of_62_point_5_percent_is_a_LevelPct_reading_of_62_point_5()
    {
        var reading = Accepted("""{ "levelPct": 62.5 }""");

        Assert.Equal(MeasurementKind.LevelPct, reading.Kind);
        Assert.Equal(62.5, reading.Value);
    }

    [Fact]
    public void Volume_of_12000_litres_is_a_VolumeL_reading_of_12000()
    {
        var reading = Accepted("""{ "volumeL": 12000 }""");

        Assert.Equal(MeasurementKind.VolumeL, reading.Kind);
        Assert.Equal(12000, reading.Value);
    }

    [Fact]
    public void Distance_written_as_1_point_234e3_is_1234()
    {
        Assert.Equal(1234, Accepted("""{ "distanceMm": 1.234e3 }""").Value);
    }

    [Fact]
    public void Level_of_minus_80_mm_passes_parsing_as_plausibility_is_the_tanks_to_judge()
    {
        Assert.Equal(-80, Accepted("""{ "levelMm": -80 }""").Value);
    }

    [Fact]
    public void The_contract_example_is_a_distance_of_1234_at_10_15Z_with_battery_87_and_rssi_minus_97()
    {
        var reading = Accepted("""{ "ts": "2026-11-29T10:15:00Z", "distanceMm": 1234, "batteryPct": 87, "rssi": -97 }""");

        Assert.Equal(
            new TankReading(new DateTimeOffset(2026, 11, 29, 10, 15, 0, TimeSpan.Zero), MeasurementKind.DistanceMm, 1234, ReceivedAt, BatteryPct: 87, Rssi: -97),
            reading);
    }

    [Fact]
    public void Unknown_properties_with_nested_objects_and_arrays_are_ignored()
    {
        var reading = Accepted("""{ "model": "LDDS75", "extra": { "a": [1, { "b": null }], "c": true }, "list": [], "distanceMm": 900 }""");

        Assert.Equal(900, reading.Value);
    }

    [Fact]
    public void An_escaped_property_name_distance_u004Dm_is_read_as_distanceMm()
    {
        Assert.Equal(MeasurementKind.DistanceMm, Accepted("""{ "distance\u004Dm": 700 }""").Kind);
    }

    [Fact]
    public void Whitespace_around_the_object_is_allowed()
    {
        Assert.Equal(5, Accepted(" \r\n\t{ \"levelMm\" : 5 }\n ").Value);
    }
}
