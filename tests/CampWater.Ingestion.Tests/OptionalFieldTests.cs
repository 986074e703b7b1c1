using static CampWater.Ingestion.Tests.Payload;

namespace CampWater.Ingestion.Tests;

public sealed class OptionalFieldTests
{
    [Fact]
    public void Battery_pct_87_is_kept()
    {
        Assert.Equal(87, Accepted("""{ "distanceMm": 1, "batteryPct": 87 }""").BatteryPct);
    }

    [Fact]
    public void Battery_v_3_point_6_is_kept()
    {
        Assert.Equal(3.6, Accepted("""{ "distanceMm": 1, "batteryV": 3.6 }""").BatteryV);
    }

    [Fact]
    public void Rssi_minus_97_is_kept()
    {
        Assert.Equal(-97, Accepted("""{ "distanceMm": 1, "rssi": -97 }""").Rssi);
    }

    [Fact]
    public void Snr_7_point_5_is_kept()
    {
        Assert.Equal(7.5, Accepted("""{ "distanceMm": 1, "snr": 7.5 }""").Snr);
    }

    [Fact]
    public void Seq_42_is_kept()
    {
        Assert.Equal(42, Accepted("""{ "distanceMm": 1, "seq": 42 }""").Seq);
    }

    [Fact]
    public void Seq_9007199254740993_is_kept_exactly_beyond_the_precision_of_a_double()
    {
        Assert.Equal(9_007_199_254_740_993L, Accepted("""{ "distanceMm": 1, "seq": 9007199254740993 }""").Seq);
    }

    [Fact]
    public void Without_optional_fields_battery_rssi_snr_and_seq_are_null()
    {
        var reading = Accepted("""{ "distanceMm": 1 }""");

        Assert.Null(reading.BatteryPct);
        Assert.Null(reading.BatteryV);
        Assert.Null(reading.Rssi);
        Assert.Null(reading.Snr);
        Assert.Null(reading.Seq);
    }

    [Fact]
    public void Optional_fields_written_as_null_are_absent()
    {
        var reading = Accepted("""{ "distanceMm": 1, "batteryPct": null, "batteryV": null, "rssi": null, "snr": null, "seq": null }""");

        Assert.Null(reading.BatteryPct);
        Assert.Null(reading.BatteryV);
        Assert.Null(reading.Rssi);
        Assert.Null(reading.Snr);
        Assert.Null(reading.Seq);
    }

    [Fact]
    public void All_five_optional_fields_together_are_kept()
    {
        var reading = Accepted("""{ "levelPct": 40, "batteryPct": 55, "batteryV": 3.3, "rssi": -110, "snr": -4.25, "seq": 7 }""");

        Assert.Equal((55.0, 3.3, -110.0, -4.25, 7L), (reading.BatteryPct!.Value, reading.BatteryV!.Value, reading.Rssi!.Value, reading.Snr!.Value, reading.Seq!.Value));
    }
}
