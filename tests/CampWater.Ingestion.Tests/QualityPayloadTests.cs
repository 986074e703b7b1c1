using System.Text;
using CampWater.Services;
using CampWater.Silo.Ingestion;

namespace CampWater.Ingestion.Tests;

/// <summary>The payload of an online water quality sensor: <c>{ ts, frcMgL?, turbidityNtu?, ph?, ecoliCfu? }</c>, at least one figure.</summary>
public sealed class QualityPayloadTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 29, 10, 15, 1, TimeSpan.Zero);

    private static QualityParseResult Parse(string json, string? tank = "t1", string? point = null) =>
        QualityPayloadParser.Parse(Encoding.UTF8.GetBytes(json), ReceivedAt, tank, point);

    private static (RejectReason? Reason, string? Detail) Rejection(string json)
    {
        var result = Parse(json);
        Assert.False(result.IsAccepted);
        return (result.Reason, result.Detail);
    }

    [Fact]
    public void A_reading_of_0_1_mg_per_litre_at_tank_t1_is_a_sensor_test_at_its_time()
    {
        var reading = Parse("""{ "ts": "2026-11-29T10:15:00Z", "frcMgL": 0.1, "batteryPct": 80 }""").Reading!;

        Assert.Equal(new QualityReading(new DateTimeOffset(2026, 11, 29, 10, 15, 0, TimeSpan.Zero), "t1", null, 0.1, null, null, null, QualitySource.Sensor, "sensor"), reading);
    }

    [Fact]
    public void A_reading_at_point_p1_with_every_figure_keeps_them_all()
    {
        var reading = Parse("""{ "ts": 1795947300000, "frcMgL": 0.5, "turbidityNtu": 7, "ph": 7.4, "ecoliCfu": 0 }""", tank: null, point: "p1").Reading!;

        Assert.Equal(("p1", 0.5, 7.0, 7.4, 0.0), (reading.PointId, reading.FrcMgL!.Value, reading.TurbidityNtu!.Value, reading.Ph!.Value, reading.EcoliCfu!.Value));
        Assert.Null(reading.TankId);
    }

    [Fact]
    public void A_reading_without_ts_is_taken_at_receipt_and_nulls_are_absent()
    {
        var reading = Parse("""{ "frcMgL": null, "ph": 7.1 }""").Reading!;

        Assert.Equal(ReceivedAt, reading.Ts);
        Assert.Null(reading.FrcMgL);
        Assert.Equal(7.1, reading.Ph);
    }

    [Fact]
    public void A_reading_without_any_figure_is_rejected_as_no_measurement()
    {
        var (reason, detail) = Rejection("""{ "ts": "2026-11-29T10:15:00Z", "batteryPct": 80 }""");

        Assert.Equal(RejectReason.NoMeasurement, reason);
        Assert.Equal("no figure: needs at least one of 'frcMgL', 'turbidityNtu', 'ph', 'ecoliCfu'", detail);
    }

    [Theory]
    [InlineData("""{ "frcMgL": 12 }""", "'frcMgL' 12 must be between 0 and 10 mg/L")]
    [InlineData("""{ "turbidityNtu": -1 }""", "'turbidityNtu' -1 must be between 0 and 4000 NTU")]
    [InlineData("""{ "ph": 14.2 }""", "'ph' 14.2 must be between 0 and 14")]
    [InlineData("""{ "ecoliCfu": -3 }""", "'ecoliCfu' -3 must be at least 0 (CFU per 100 mL)")]
    public void A_figure_outside_its_physical_range_is_rejected_as_out_of_range_naming_it(string json, string detail)
    {
        Assert.Equal((RejectReason.OutOfRange, detail), Rejection(json));
    }

    [Fact]
    public void The_rejections_of_level_readings_apply_wrong_type_not_finite_malformed_future_and_oversize()
    {
        Assert.Equal((RejectReason.WrongType, "'frcMgL' must be a number"), Rejection("""{ "frcMgL": "0.4" }"""));
        Assert.Equal((RejectReason.NotFinite, "'ph' is NaN, Infinity or beyond the range of a double"), Rejection("""{ "ph": NaN }"""));
        Assert.Equal(RejectReason.MalformedJson, Rejection("""{ "frcMgL": 0.4 """).Reason);
        Assert.Equal(RejectReason.FutureTimestamp, Rejection("""{ "ts": "2026-11-29T10:30:00Z", "frcMgL": 0.4 }""").Reason);
        Assert.Equal((RejectReason.WrongType, "'ts' has no UTC offset; add 'Z' or '+hh:mm'"), Rejection("""{ "ts": "2026-11-29T10:10:00", "frcMgL": 0.4 }"""));
        Assert.Equal(RejectReason.Oversize, Rejection("{ \"frcMgL\": 0.4, \"pad\": \"" + new string('x', 5000) + "\" }").Reason);
    }

    [Fact]
    public void A_figure_given_twice_is_rejected()
    {
        Assert.Equal((RejectReason.SeveralMeasurements, "'frcMgL' is given twice"), Rejection("""{ "frcMgL": 0.4, "frcMgL": 0.1 }"""));
    }

    [Fact]
    public void A_reading_in_three_segments_reads_as_in_one()
    {
        var bytes = Encoding.UTF8.GetBytes("""{ "ts": "2026-11-29T10:15:00Z", "frcMgL": 0.35, "turbidityNtu": 1.2 }""");

        var reading = QualityPayloadParser.Parse(Payload.Segmented(bytes, 20), ReceivedAt, "t1", null).Reading!;

        Assert.Equal((0.35, 1.2), (reading.FrcMgL!.Value, reading.TurbidityNtu!.Value));
    }

    [Fact]
    public void A_valid_reading_allocates_only_its_QualityReading()
    {
        var payload = Encoding.UTF8.GetBytes("""{ "ts": "2026-11-29T10:15:00Z", "frcMgL": 0.35, "turbidityNtu": 1.2, "ph": 7.3, "ecoliCfu": 0, "batteryPct": 80 }""");
        static long Allocated(Func<QualityParseResult> parse)
        {
            for (var i = 0; i < 100; i++)
            {
                Assert.True(parse().IsAccepted);
            }

            var before = GC.GetAllocatedBytesForCurrentThread();
            var result = parse();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(result.IsAccepted);
            return allocated;
        }

        var oneReading = Allocated(() => QualityParseResult.Accepted(new QualityReading(ReceivedAt, "t1", null, 0.35, 1.2, 7.3, 0, QualitySource.Sensor, "sensor")));

        Assert.Equal(oneReading, Allocated(() => QualityPayloadParser.Parse(payload, ReceivedAt, "t1", null)));
    }

    [Theory]
    [InlineData("campwater/atmeh-3/tanks/t1/quality", "atmeh-3", "t1", null)]
    [InlineData("campwater/atmeh-3/points/p-4/quality", "atmeh-3", null, "p-4")]
    public void Quality_topics_name_the_camp_and_the_tank_or_point(string topic, string camp, string? tank, string? point)
    {
        Assert.True(QualityTopic.TryParse(topic, out var campId, out var tankId, out var pointId));
        Assert.Equal((camp, tank, point), (campId, tankId, pointId));
    }

    [Theory]
    [InlineData("campwater/atmeh-3/tanks/t1/level")]
    [InlineData("campwater/atmeh-3/wells/w1/quality")]
    [InlineData("campwater/atmeh-3/tanks/+/quality")]
    [InlineData("campwater/atmeh-3/tanks/t1/x/quality")]
    [InlineData("campwater/Atmeh/points/p1/quality")]
    public void Other_topics_and_bad_ids_are_not_quality_topics(string topic)
    {
        Assert.False(QualityTopic.TryParse(topic, out _, out _, out _));
    }
}
