using CampWater.Silo.Ingestion;
using static CampWater.Ingestion.Tests.Payload;

namespace CampWater.Ingestion.Tests;

public sealed class TimestampTests
{
    private static readonly DateTimeOffset At1015Z = new(2026, 11, 29, 10, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Ts_2026_11_29T10_15_00Z_is_that_instant_and_receipt_is_kept_apart()
    {
        var received = At1015Z.AddSeconds(3);

        var reading = Accepted("""{ "ts": "2026-11-29T10:15:00Z", "distanceMm": 1 }""", received);

        Assert.Equal(At1015Z, reading.Ts);
        Assert.Equal(received, reading.ReceivedAt);
    }

    [Fact]
    public void Ts_2026_11_29T12_15_plus_02_00_is_10_15Z()
    {
        var reading = Accepted("""{ "ts": "2026-11-29T12:15:00+02:00", "distanceMm": 1 }""");

        Assert.Equal(At1015Z, reading.Ts);
        Assert.Equal(TimeSpan.FromHours(2), reading.Ts.Offset);
    }

    [Fact]
    public void Ts_with_milliseconds_10_14_59_250Z_keeps_the_250_ms()
    {
        Assert.Equal(At1015Z.AddMilliseconds(-750), Accepted("""{ "ts": "2026-11-29T10:14:59.250Z", "distanceMm": 1 }""").Ts);
    }

    [Fact]
    public void Ts_as_unix_milliseconds_1795947300000_is_2026_11_29T10_15Z()
    {
        Assert.Equal(At1015Z, Accepted("""{ "ts": 1795947300000, "distanceMm": 1 }""").Ts);
    }

    [Fact]
    public void Ts_as_unix_milliseconds_1764411300000_is_2025_11_29T10_15Z_a_year_earlier()
    {
        Assert.Equal(At1015Z.AddYears(-1), Accepted("""{ "ts": 1764411300000, "distanceMm": 1 }""").Ts);
    }

    [Fact]
    public void Ts_absent_is_the_time_of_receipt()
    {
        var reading = Accepted("""{ "distanceMm": 1 }""", At1015Z.AddSeconds(42));

        Assert.Equal(At1015Z.AddSeconds(42), reading.Ts);
        Assert.Equal(At1015Z.AddSeconds(42), reading.ReceivedAt);
    }

    [Fact]
    public void Ts_null_is_the_time_of_receipt()
    {
        Assert.Equal(At1015Z, Accepted("""{ "ts": null, "distanceMm": 1 }""", At1015Z).Ts);
    }

    [Fact]
    public void Ts_without_offset_2026_11_29T10_15_00_is_rejected_as_wrong_type_asking_for_an_offset()
    {
        var (reason, detail) = Rejection("""{ "ts": "2026-11-29T10:15:00", "distanceMm": 1 }""");

        Assert.Equal(RejectReason.WrongType, reason);
        Assert.Equal("'ts' has no UTC offset; add 'Z' or '+hh:mm'", detail);
    }

    [Fact]
    public void Ts_of_a_date_alone_2026_11_29_is_rejected_as_wrong_type()
    {
        var (reason, detail) = Rejection("""{ "ts": "2026-11-29", "distanceMm": 1 }""");

        Assert.Equal(RejectReason.WrongType, reason);
        Assert.StartsWith("'ts' ", detail);
    }

    [Theory]
    [InlineData("\"yesterday\"")]
    [InlineData("\"29/11/2026 10:15\"")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[1795947300000]")]
    public void Ts_that_is_neither_an_ISO_time_nor_unix_milliseconds_is_rejected_as_wrong_type(string ts)
    {
        var (reason, detail) = Rejection($$"""{ "ts": {{ts}}, "distanceMm": 1 }""");

        Assert.Equal(RejectReason.WrongType, reason);
        Assert.Equal("'ts' must be an ISO-8601 time with an offset or Unix milliseconds", detail);
    }

    [Fact]
    public void Ts_of_1795947300000_point_5_ms_is_rejected_as_not_whole_milliseconds()
    {
        var (reason, detail) = Rejection("""{ "ts": 1795947300000.5, "distanceMm": 1 }""");

        Assert.Equal(RejectReason.WrongType, reason);
        Assert.Equal("'ts' must be whole Unix milliseconds", detail);
    }

    [Fact]
    public void Ts_of_9e18_ms_beyond_the_year_9999_is_rejected_as_wrong_type()
    {
        var (reason, detail) = Rejection("""{ "ts": 9000000000000000000, "distanceMm": 1 }""");

        Assert.Equal(RejectReason.WrongType, reason);
        Assert.Equal("'ts' is out of the range of dates", detail);
    }

    [Fact]
    public void Ts_4_min_59_s_after_receipt_is_accepted()
    {
        Assert.Equal(At1015Z, Accepted("""{ "ts": "2026-11-29T10:15:00Z", "distanceMm": 1 }""", At1015Z.AddSeconds(-299)).Ts);
    }

    [Fact]
    public void Ts_exactly_5_min_after_receipt_is_accepted()
    {
        Assert.Equal(At1015Z, Accepted("""{ "ts": "2026-11-29T10:15:00Z", "distanceMm": 1 }""", At1015Z.AddMinutes(-5)).Ts);
    }

    [Fact]
    public void Ts_5_min_01_s_after_receipt_is_rejected_as_future_timestamp()
    {
        var (reason, detail) = Rejection("""{ "ts": "2026-11-29T10:15:00Z", "distanceMm": 1 }""", At1015Z.AddSeconds(-301));

        Assert.Equal(RejectReason.FutureTimestamp, reason);
        Assert.StartsWith("'ts' 2026-11-29T10:15:00.0000000+00:00 is 301 s after receipt", detail);
    }

    [Fact]
    public void Ts_in_unix_milliseconds_5_min_01_s_after_receipt_is_rejected_as_future_timestamp()
    {
        Assert.Equal(RejectReason.FutureTimestamp, Rejection("""{ "ts": 1795947301000, "distanceMm": 1 }""", At1015Z.AddMinutes(-5)).Reason);
    }

    [Fact]
    public void Ts_a_day_before_receipt_is_accepted_as_late_readings_are_for_the_tank_to_sort()
    {
        Assert.Equal(At1015Z, Accepted("""{ "ts": "2026-11-29T10:15:00Z", "distanceMm": 1 }""", At1015Z.AddDays(1)).Ts);
    }

    [Fact]
    public void The_future_skew_allowed_is_5_minutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), NativePayloadParser.MaxFutureSkew);
    }
}
