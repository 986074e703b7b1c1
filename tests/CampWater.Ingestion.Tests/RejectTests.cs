using System.Text;
using CampWater.Silo.Ingestion;
using static CampWater.Ingestion.Tests.Payload;

namespace CampWater.Ingestion.Tests;

public sealed class RejectTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("not json")]
    [InlineData("{distanceMm: 1234}")]
    [InlineData("{\"distanceMm\": 1234,}")]
    [InlineData("{\"distanceMm\": 1234 \"rssi\": -97}")]
    [InlineData("{\"distanceMm\": 1234} {}")]
    [InlineData("{\"distanceMm\": 1234} x")]
    [InlineData("{\"distanceMm\": 1234, \"x\": [1, 2}")]
    [InlineData("{\"distanceMm\": 12.}")]
    [InlineData("{\"distanceMm\": 01234}")]
    [InlineData("// comment\n{\"distanceMm\": 1234}")]
    public void Broken_json_is_rejected_as_malformed_json(string payload)
    {
        var (reason, detail) = Rejection(payload);

        Assert.Equal(RejectReason.MalformedJson, reason);
        Assert.StartsWith("not valid JSON at line ", detail);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"distanceMm\": 1234}]")]
    [InlineData("1234")]
    [InlineData("\"distanceMm\"")]
    [InlineData("null")]
    [InlineData("true")]
    public void Json_that_is_not_an_object_is_rejected_as_malformed_json(string payload)
    {
        var (reason, detail) = Rejection(payload);

        Assert.Equal(RejectReason.MalformedJson, reason);
        Assert.Equal("payload is not a JSON object", detail);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Bare_NaN_or_Infinity_as_distanceMm_is_rejected_as_not_finite_not_malformed(string literal)
    {
        var (reason, detail) = Rejection($$"""{ "distanceMm": {{literal}} }""");

        Assert.Equal(RejectReason.NotFinite, reason);
        Assert.Equal("'distanceMm' is NaN, Infinity or beyond the range of a double", detail);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    public void Distance_of_1e400_beyond_a_double_is_rejected_as_not_finite(string number)
    {
        var (reason, detail) = Rejection($$"""{ "distanceMm": {{number}} }""");

        Assert.Equal(RejectReason.NotFinite, reason);
        Assert.Equal("'distanceMm' is NaN, Infinity or beyond the range of a double", detail);
    }

    [Theory]
    [InlineData("batteryPct", "NaN")]
    [InlineData("batteryV", "Infinity")]
    [InlineData("rssi", "-Infinity")]
    [InlineData("snr", "1e400")]
    [InlineData("seq", "1e400")]
    [InlineData("seq", "NaN")]
    [InlineData("ts", "NaN")]
    [InlineData("ts", "1e400")]
    public void Non_finite_optional_field_is_rejected_as_not_finite_naming_the_field(string field, string literal)
    {
        var (reason, detail) = Rejection($$"""{ "distanceMm": 1, "{{field}}": {{literal}} }""");

        Assert.Equal(RejectReason.NotFinite, reason);
        Assert.Equal($"'{field}' is NaN, Infinity or beyond the range of a double", detail);
    }

    [Fact]
    public void NaN_with_no_space_after_the_colon_is_still_not_finite()
    {
        Assert.Equal(RejectReason.NotFinite, Rejection("{\"levelPct\":NaN}").Reason);
    }

    [Fact]
    public void NaN_in_an_unknown_field_is_rejected_as_not_finite_since_the_json_cannot_be_read_past_it()
    {
        var (reason, detail) = Rejection("""{ "temperature": NaN, "distanceMm": 1 }""");

        Assert.Equal(RejectReason.NotFinite, reason);
        Assert.Equal("a number is NaN, Infinity or beyond the range of a double", detail);
    }

    [Fact]
    public void NaN_as_a_string_is_a_wrong_type_not_a_non_finite_number()
    {
        Assert.Equal(RejectReason.WrongType, Rejection("""{ "distanceMm": "NaN" }""").Reason);
    }

    [Theory]
    [InlineData("distanceMm", "\"1234\"")]
    [InlineData("levelMm", "true")]
    [InlineData("levelPct", "{}")]
    [InlineData("volumeL", "[12000]")]
    [InlineData("batteryPct", "\"87\"")]
    [InlineData("batteryV", "\"3.6 V\"")]
    [InlineData("rssi", "\"-97\"")]
    [InlineData("snr", "false")]
    [InlineData("seq", "\"42\"")]
    public void A_string_or_other_non_number_where_a_number_belongs_is_rejected_as_wrong_type_naming_the_field(string field, string value)
    {
        var measurement = field is "distanceMm" or "levelMm" or "levelPct" or "volumeL" ? "" : "\"distanceMm\": 1, ";

        var (reason, detail) = Rejection($$"""{ {{measurement}}"{{field}}": {{value}} }""");

        Assert.Equal(RejectReason.WrongType, reason);
        Assert.Equal($"'{field}' must be a number", detail);
    }

    [Fact]
    public void Seq_of_1_point_5_is_rejected_as_wrong_type_needing_a_whole_number()
    {
        var (reason, detail) = Rejection("""{ "distanceMm": 1, "seq": 1.5 }""");

        Assert.Equal(RejectReason.WrongType, reason);
        Assert.Equal("'seq' must be a whole number", detail);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{ \"ts\": \"2026-11-29T10:15:00Z\", \"batteryPct\": 87, \"rssi\": -97 }")]
    [InlineData("{ \"distanceMm\": null }")]
    [InlineData("{ \"DistanceMm\": 1234 }")]
    [InlineData("{ \"distance\": 1234 }")]
    public void A_payload_without_one_of_the_4_measurements_is_rejected_as_no_measurement(string payload)
    {
        var (reason, detail) = Rejection(payload);

        Assert.Equal(RejectReason.NoMeasurement, reason);
        Assert.Equal("no measurement: needs one of 'distanceMm', 'levelMm', 'levelPct', 'volumeL'", detail);
    }

    [Theory]
    [InlineData("{ \"distanceMm\": 1234, \"levelMm\": 2000 }", "'distanceMm' and 'levelMm'")]
    [InlineData("{ \"levelPct\": 50, \"volumeL\": 7000 }", "'levelPct' and 'volumeL'")]
    [InlineData("{ \"distanceMm\": 1234, \"distanceMm\": 1235 }", "'distanceMm' and 'distanceMm'")]
    public void A_payload_with_2_measurements_is_rejected_as_several_measurements_naming_both(string payload, string named)
    {
        var (reason, detail) = Rejection(payload);

        Assert.Equal(RejectReason.SeveralMeasurements, reason);
        Assert.Equal($"several measurements: {named}", detail);
    }

    [Fact]
    public void A_payload_of_exactly_4096_bytes_is_accepted()
    {
        var payload = PaddedTo(4096);

        Assert.Equal(4096, payload.Length);
        var result = Parse(payload);
        Assert.True(result.IsAccepted);
        Assert.Equal(1234, result.Reading!.Value);
    }

    [Fact]
    public void A_payload_of_4097_bytes_is_rejected_as_oversize()
    {
        var payload = PaddedTo(4097);

        var result = Parse(payload);

        Assert.Equal(RejectReason.Oversize, result.Reason);
        Assert.Equal("payload of 4097 bytes is over 4096", result.Detail);
    }

    [Fact]
    public void Size_is_checked_before_parsing_so_4097_bytes_of_garbage_are_oversize_not_malformed()
    {
        var garbage = Enumerable.Repeat((byte)'x', 4097).ToArray();

        Assert.Equal(RejectReason.Oversize, Parse(garbage).Reason);
    }

    [Fact]
    public void The_size_limit_is_4096_bytes()
    {
        Assert.Equal(4096, NativePayloadParser.MaxPayloadBytes);
    }

    [Fact]
    public void Invalid_utf8_in_the_ts_string_is_rejected_as_wrong_type()
    {
        byte[] payload = [.. "{\"distanceMm\": 1, \"ts\": \"2026-11-29T10:15:00"u8, 0xC3, 0x28, .. "Z\"}"u8];

        Assert.Equal(RejectReason.WrongType, Parse(payload).Reason);
    }

    [Fact]
    public void Invalid_utf8_inside_an_ignored_field_does_not_stop_the_reading_as_unknown_fields_are_not_read()
    {
        byte[] payload = [.. "{\"distanceMm\": 1, \"name\": \""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.True(Parse(payload).IsAccepted);
    }

    [Fact]
    public void Nesting_deeper_than_64_levels_in_an_unknown_field_is_rejected_as_malformed_json_not_a_crash()
    {
        var payload = "{\"distanceMm\": 1, \"x\": " + new string('[', 100) + new string(']', 100) + "}";

        Assert.Equal(RejectReason.MalformedJson, Rejection(payload).Reason);
    }

    // {"distanceMm":1234,"pad":"xxx…"} padded with x to the exact size.
    private static byte[] PaddedTo(int size)
    {
        const string head = "{\"distanceMm\":1234,\"pad\":\"";
        const string tail = "\"}";
        return Encoding.UTF8.GetBytes(head + new string('x', size - head.Length - tail.Length) + tail);
    }
}
