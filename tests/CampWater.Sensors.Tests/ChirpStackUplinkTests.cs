using CampWater.Readings;
using CampWater.Registry;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Ingestion.LoRaWan;
using CampWater.Water;

namespace CampWater.Sensors.Tests;

public sealed class ChirpStackUplinkTests
{
    private const LoRaWanNetwork Cs = LoRaWanNetwork.ChirpStack;

    [Fact]
    public void A_Dragino_LDDS75_object_with_Distance_1234_mm_and_Bat_3_3_V_reads_as_1234_mm_and_3_3_volts()
    {
        var reading = Uplinks.Single(Cs, Uplinks.ChirpStack("""{ "Bat": "3.3 V", "Distance": "1234 mm", "Interrupt_flag": 0, "Sensor_flag": 1, "TempC_DS18B20": "0.00" }"""));

        Assert.Equal(MeasurementKind.DistanceMm, reading.Kind);
        Assert.Equal(1234, reading.Value);
        Assert.Equal(3.3, reading.BatteryV);
        Assert.Null(reading.BatteryPct);
    }

    [Fact]
    public void The_device_is_the_upper_cased_deviceInfo_devEui()
    {
        var uplink = Uplinks.Accepted(Cs, Uplinks.ChirpStack("""{ "distanceMm": 900 }""", devEui: "a84041000181c3f1"));

        Assert.Equal("A84041000181C3F1", uplink.DevEui);
    }

    [Fact]
    public void Time_is_the_event_time_cut_from_nanoseconds_and_rssi_minus_97_and_snr_7_25_come_from_the_best_gateway()
    {
        var reading = Uplinks.Single(Cs, Uplinks.ChirpStack("""{ "distanceMm": 900 }"""));

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 15, 0, TimeSpan.Zero).AddTicks(7_750_232), reading.Ts);
        Assert.Equal(-97, reading.Rssi);
        Assert.Equal(7.25, reading.Snr);
        Assert.Equal(42, reading.Seq);
        Assert.Equal(Uplinks.ReceivedAt, reading.ReceivedAt);
    }

    [Fact]
    public void A_numeric_Bat_of_Dragino_codecs_is_volts()
    {
        var reading = Uplinks.Single(Cs, Uplinks.ChirpStack("""{ "Bat": 3.418, "Distance": "2259 mm" }"""));

        Assert.Equal(3.418, reading.BatteryV);
        Assert.Equal(2259, reading.Value);
    }

    [Theory]
    [InlineData("\"123.4 cm\"", 1234)]
    [InlineData("\"1.234 m\"", 1234)]
    [InlineData("\"1234mm\"", 1234)]
    [InlineData("\" 1234 MM \"", 1234)]
    [InlineData("1234", 1234)]
    public void Distances_in_mm_cm_and_m_are_converted_to_millimetres(string distance, double mm)
    {
        var reading = Uplinks.Single(Cs, Uplinks.ChirpStack($$"""{ "Distance": {{distance}} }"""));

        Assert.Equal(mm, reading.Value, 6);
    }

    [Theory]
    [InlineData("No Sensor")]
    [InlineData("Invalid Reading")]
    public void A_Dragino_probe_failure_text_is_a_sensor_failure_with_a_value_of_0_that_the_tank_records_as_a_sensor_fault(string text)
    {
        var reading = Uplinks.Single(Cs, Uplinks.ChirpStack($$"""{ "Bat": 3.3, "Distance": "{{text}}" }"""));

        Assert.Equal(0, reading.Value);
        Assert.Equal(MeasurementKind.SensorFailed, reading.Kind);
    }

    [Fact]
    public void A_Dragino_No_Sensor_read_by_a_tank_without_a_blind_zone_is_a_sensor_fault_not_a_full_tank()
    {
        // Mounted at the brim with no blind zone, a distance of 0 would be a full 3000 mm tank.
        var reading = Uplinks.Single(Cs, Uplinks.ChirpStack("""{ "Bat": 3.3, "Distance": "No Sensor" }"""));
        var sensor = new SensorConfig(MountHeightMm: 3000, BlindZoneMm: 0, DevEui: null);
        var geometry = TankGeometry.From(new TankConfig(
            "t1", "Tank", null, TankShapeKind.VerticalCylinder, 3000, 3000, null, null, [], sensor, Thresholds.Default));

        var level = ReadingInterpreter.Interpret(reading.Kind, reading.Value, geometry, sensor);

        Assert.True(level.IsFault);
        Assert.Equal("the sensor reported that it could not measure", level.FaultReason);
    }

    [Fact]
    public void Without_time_the_reading_is_dated_at_receipt()
    {
        var json = Uplinks.ChirpStack("""{ "distanceMm": 900 }""").Replace("\"time\": \"2026-11-29T10:15:00.775023242+00:00\",", "", StringComparison.Ordinal);

        Assert.Equal(Uplinks.ReceivedAt, Uplinks.Single(Cs, json).Ts);
    }

    [Fact]
    public void Twelve_parsecs_is_a_bad_unit_naming_the_field()
    {
        var (reason, detail) = Uplinks.Rejection(Cs, Uplinks.ChirpStack("""{ "Distance": "12 parsecs" }"""));

        Assert.Equal(RejectReason.BadUnit, reason);
        Assert.Contains("'object.Distance'", detail, StringComparison.Ordinal);
        Assert.Contains("parsecs", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distance_string_without_a_unit_is_a_bad_unit()
    {
        Assert.Equal(RejectReason.BadUnit, Uplinks.Rejection(Cs, Uplinks.ChirpStack("""{ "distance": "1234" }""")).Reason);
    }

    [Fact]
    public void A_battery_in_furlongs_is_a_bad_unit_naming_Bat()
    {
        var (reason, detail) = Uplinks.Rejection(Cs, Uplinks.ChirpStack("""{ "Bat": "3 furlongs", "Distance": "1234 mm" }"""));

        Assert.Equal(RejectReason.BadUnit, reason);
        Assert.Contains("'object.Bat'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void No_object_means_no_payload_codec_and_is_counted_as_no_decoded_payload()
    {
        var json = Uplinks.ChirpStack("null");

        Assert.Equal(RejectReason.NoDecodedPayload, Uplinks.Rejection(Cs, json).Reason);
    }

    [Fact]
    public void An_uplink_without_deviceInfo_is_a_missing_device()
    {
        var json = """{ "time": "2026-11-29T10:15:00Z", "fCnt": 1, "object": { "distanceMm": 900 } }""";

        Assert.Equal(RejectReason.MissingDevice, Uplinks.Rejection(Cs, json).Reason);
    }

    [Fact]
    public void A_devEui_as_a_number_is_a_wrong_type()
    {
        var json = """{ "deviceInfo": { "devEui": 1234567890123456 }, "object": { "distanceMm": 900 } }""";

        var (reason, detail) = Uplinks.Rejection(Cs, json);
        Assert.Equal(RejectReason.WrongType, reason);
        Assert.Contains("deviceInfo.devEui", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_distance_that_is_an_object_is_a_wrong_type()
    {
        Assert.Equal(RejectReason.WrongType, Uplinks.Rejection(Cs, Uplinks.ChirpStack("""{ "distance": { "mm": 900 } }""")).Reason);
    }

    [Fact]
    public void Both_distance_and_distanceMm_are_several_measurements()
    {
        Assert.Equal(RejectReason.SeveralMeasurements, Uplinks.Rejection(Cs, Uplinks.ChirpStack("""{ "distance": 900, "distanceMm": 900 }""")).Reason);
    }

    [Fact]
    public void An_object_with_only_a_temperature_has_no_measurement()
    {
        Assert.Equal(RejectReason.NoMeasurement, Uplinks.Rejection(Cs, Uplinks.ChirpStack("""{ "TempC_DS18B20": "21.5" }""")).Reason);
    }

    [Fact]
    public void A_time_an_hour_after_receipt_is_a_future_timestamp()
    {
        Assert.Equal(RejectReason.FutureTimestamp, Uplinks.Rejection(Cs, Uplinks.ChirpStack("""{ "distanceMm": 900 }""", time: "2026-11-29T11:15:30Z")).Reason);
    }

    [Fact]
    public void A_time_without_an_offset_is_a_wrong_type()
    {
        Assert.Equal(RejectReason.WrongType, Uplinks.Rejection(Cs, Uplinks.ChirpStack("""{ "distanceMm": 900 }""", time: "2026-11-29T10:15:00")).Reason);
    }

    [Fact]
    public void Broken_json_is_malformed()
    {
        Assert.Equal(RejectReason.MalformedJson, Uplinks.Rejection(Cs, """{ "deviceInfo": { "devEui": "a84041000181c3f1" """).Reason);
    }

    [Fact]
    public void An_uplink_over_64_KiB_is_oversize()
    {
        var json = Uplinks.ChirpStack($$"""{ "distanceMm": 900, "pad": "{{new string('x', 70_000)}}" }""");

        Assert.Equal(RejectReason.Oversize, Uplinks.Rejection(Cs, json).Reason);
    }

    [Fact]
    public void Radio_figures_of_the_wrong_type_are_passed_over_and_the_reading_kept()
    {
        var json = """
            { "deviceInfo": { "devEui": "a84041000181c3f1" }, "rxInfo": [ { "rssi": "loud", "snr": "clear" } ], "object": { "distanceMm": 900 } }
            """;

        var reading = Uplinks.Single(Cs, json);
        Assert.Null(reading.Rssi);
        Assert.Equal(900, reading.Value);
    }
}
