using System.Buffers;
using System.Text;
using CampWater.Readings;
using CampWater.Silo.Ingestion;

namespace CampWater.Ingestion.Tests;

public sealed class AllocationTests
{
    private static readonly byte[] ValidPayload = Encoding.UTF8.GetBytes(
        """{ "ts": "2026-11-29T10:15:00Z", "distanceMm": 1234, "batteryPct": 87, "batteryV": 3.6, "rssi": -97, "snr": 7.5, "seq": 42, "model": "LDDS75" }""");

    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 29, 10, 15, 1, TimeSpan.Zero);

    [Fact]
    public void A_valid_reading_from_a_span_allocates_only_its_TankReading()
    {
        Assert.Equal(BytesOfOneTankReading(), AllocatedBy(() => NativePayloadParser.Parse(ValidPayload, ReceivedAt)));
    }

    [Fact]
    public void A_valid_reading_from_a_sequence_of_3_segments_allocates_only_its_TankReading()
    {
        var sequence = Payload.Segmented(ValidPayload, 50);

        Assert.Equal(BytesOfOneTankReading(), AllocatedBy(() => NativePayloadParser.Parse(sequence, ReceivedAt)));
    }

    [Fact]
    public void A_valid_reading_with_ts_in_unix_milliseconds_allocates_only_its_TankReading()
    {
        var payload = """{"ts":1795947300000,"levelPct":55.5}"""u8.ToArray();

        Assert.Equal(BytesOfOneTankReading(), AllocatedBy(() => NativePayloadParser.Parse(payload, ReceivedAt)));
    }

    private static long BytesOfOneTankReading() =>
        AllocatedBy(() => new PayloadParseResult(new TankReading(ReceivedAt, MeasurementKind.DistanceMm, 1, ReceivedAt), null, null));

    // Warmed up first, so that what is measured is the steady state and not the first call's JIT work.
    private static long AllocatedBy(Func<PayloadParseResult> parse)
    {
        for (var i = 0; i < 100; i++)
        {
            Assert.NotNull(parse().Reading);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = parse();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(result.Reading);
        return allocated;
    }
}
