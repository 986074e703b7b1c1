using System.Text;
using CampWater.Silo.Ingestion;

namespace CampWater.Ingestion.Tests;

/// <summary>The payload of an inflow meter, <c>{ ts, totalL }</c>, and its topic.</summary>
public sealed class InflowPayloadTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 29, 10, 15, 1, TimeSpan.Zero);

    private static InflowParseResult Parse(string json) => InflowPayloadParser.Parse(Encoding.UTF8.GetBytes(json), ReceivedAt);

    [Fact]
    public void A_total_of_1234567_8_litres_at_10_15_is_taken_as_sent()
    {
        var reading = Parse("""{ "ts": "2026-11-29T10:15:00Z", "totalL": 1234567.8, "batteryPct": 80 }""").Reading!;

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 10, 15, 0, TimeSpan.Zero), reading.Ts);
        Assert.Equal(1234567.8, reading.TotalL);
        Assert.Equal(ReceivedAt, Parse("""{ "totalL": 5 }""").Reading!.Ts);
    }

    [Theory]
    [InlineData("""{ "ts": "2026-11-29T10:15:00Z" }""", RejectReason.NoMeasurement)]
    [InlineData("""{ "totalL": "1200" }""", RejectReason.WrongType)]
    [InlineData("""{ "totalL": -1 }""", RejectReason.OutOfRange)]
    [InlineData("""{ "totalL": 1, "totalL": 2 }""", RejectReason.SeveralMeasurements)]
    [InlineData("""{ "totalL": NaN }""", RejectReason.NotFinite)]
    [InlineData("""{ "totalL": 12""", RejectReason.MalformedJson)]
    [InlineData("""{ "ts": "2026-11-29T10:30:00Z", "totalL": 1 }""", RejectReason.FutureTimestamp)]
    public void A_meter_payload_that_cannot_be_used_is_refused_with_its_reason(string json, RejectReason reason)
    {
        var result = Parse(json);

        Assert.False(result.IsAccepted);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void A_payload_of_5000_bytes_is_refused_as_oversize()
    {
        Assert.Equal(RejectReason.Oversize, Parse($$"""{ "totalL": 1, "note": "{{new string('x', 5000)}}" }""").Reason);
    }

    [Theory]
    [InlineData("campwater/atmeh-3/tanks/t1/inflow", true)]
    [InlineData("campwater/atmeh-3/tanks/t1/level", false)]
    [InlineData("campwater/Atmeh/tanks/t1/inflow", false)]
    [InlineData("campwater/atmeh-3/tanks/a/b/inflow", false)]
    public void Only_a_tanks_inflow_topic_with_valid_ids_is_an_inflow_topic(string topic, bool inflow)
    {
        Assert.Equal(inflow, InflowTopic.TryParse(topic, out var camp, out var tank));
        if (inflow)
        {
            Assert.Equal(("atmeh-3", "t1"), (camp, tank));
        }
    }
}
