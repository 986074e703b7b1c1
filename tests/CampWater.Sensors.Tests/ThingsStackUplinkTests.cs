using CampWater.Readings;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Ingestion.LoRaWan;

namespace CampWater.Sensors.Tests;

public sealed class ThingsStackUplinkTests
{
    private const LoRaWanNetwork Tts = LoRaWanNetwork.ThingsStack;

    [Fact]
    public void A_Milesight_EM500_UDL_payload_reads_distance_1650_mm_and_battery_87_percent()
    {
        var reading = Uplinks.Single(Tts, Uplinks.ThingsStack("""{ "battery": 87, "distance": 1650 }"""));

        Assert.Equal(MeasurementKind.DistanceMm, reading.Kind);
        Assert.Equal(1650, reading.Value);
        Assert.Equal(87, reading.BatteryPct);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 15, 0, 607, TimeSpan.Zero), reading.Ts);
        Assert.Equal(-104, reading.Rssi);
        Assert.Equal(3.5, reading.Snr);
        Assert.Equal(7, reading.Seq);
    }

    [Fact]
    public void The_device_is_end_device_ids_dev_eui_not_the_device_id()
    {
        Assert.Equal("24E124713B291001", Uplinks.Accepted(Tts, Uplinks.ThingsStack("""{ "distance": 1650 }""")).DevEui);
    }

    [Fact]
    public void An_EM500_UDL_history_comes_first_oldest_first_then_the_current_distance()
    {
        // Unix seconds, as Milesight's codec writes them; listed newest first on purpose.
        var json = Uplinks.ThingsStack("""
            { "battery": 86, "distance": 1700,
              "history": [ { "timestamp": 1795946400, "distance": 1600 }, { "timestamp": 1795945500, "distance": 1500 } ] }
            """);

        var readings = Uplinks.Accepted(Tts, json).Readings;

        Assert.Equal(3, readings.Count);
        Assert.Equal([1500.0, 1600.0, 1700.0], readings.Select(r => r.Value).ToArray());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795945500), readings[0].Ts);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795946400), readings[1].Ts);
        Assert.Null(readings[0].BatteryPct);
        Assert.Equal(86, readings[2].BatteryPct);
    }

    [Fact]
    public void A_history_alone_without_a_current_distance_is_taken()
    {
        var json = Uplinks.ThingsStack("""{ "history": [ { "timestamp": 1795945500, "distance": 1500 } ] }""");

        Assert.Equal(1500, Assert.Single(Uplinks.Accepted(Tts, json).Readings).Value);
    }

    [Fact]
    public void A_history_timestamp_in_milliseconds_is_read_as_such()
    {
        var json = Uplinks.ThingsStack("""{ "history": [ { "timestamp": 1795945500000, "distance": 1500 } ] }""");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795945500), Assert.Single(Uplinks.Accepted(Tts, json).Readings).Ts);
    }

    [Fact]
    public void A_history_entry_with_a_text_timestamp_is_a_wrong_type_naming_the_entry()
    {
        var json = Uplinks.ThingsStack("""{ "distance": 1700, "history": [ { "timestamp": 1795945500, "distance": 1500 }, { "timestamp": "yesterday", "distance": 1600 } ] }""");

        var (reason, detail) = Uplinks.Rejection(Tts, json);
        Assert.Equal(RejectReason.WrongType, reason);
        Assert.Contains("'uplink_message.decoded_payload.history[1].timestamp'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_battery_string_of_87_percent_is_a_percentage()
    {
        Assert.Equal(87, Uplinks.Single(Tts, Uplinks.ThingsStack("""{ "batteryLevel": "87 %", "distanceMm": 900 }""")).BatteryPct);
    }

    [Fact]
    public void An_uplink_without_decoded_payload_is_no_decoded_payload()
    {
        var json = Uplinks.ThingsStack("null");

        var (reason, detail) = Uplinks.Rejection(Tts, json);
        Assert.Equal(RejectReason.NoDecodedPayload, reason);
        Assert.Contains("decoded_payload", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_uplink_without_end_device_ids_is_a_missing_device()
    {
        Assert.Equal(RejectReason.MissingDevice, Uplinks.Rejection(Tts, """{ "uplink_message": { "decoded_payload": { "distance": 900 } } }""").Reason);
    }

    [Fact]
    public void Without_dev_eui_the_device_is_missing_even_with_a_device_id()
    {
        var json = """{ "end_device_ids": { "device_id": "tank-a" }, "uplink_message": { "decoded_payload": { "distance": 900 } } }""";

        Assert.Equal(RejectReason.MissingDevice, Uplinks.Rejection(Tts, json).Reason);
    }

    [Fact]
    public void A_decoded_payload_that_is_a_string_is_a_wrong_type()
    {
        Assert.Equal(RejectReason.WrongType, Uplinks.Rejection(Tts, Uplinks.ThingsStack("\"1650 mm\"")).Reason);
    }

    [Fact]
    public void A_distance_of_true_is_a_wrong_type()
    {
        Assert.Equal(RejectReason.WrongType, Uplinks.Rejection(Tts, Uplinks.ThingsStack("""{ "distance": true }""")).Reason);
    }
}
