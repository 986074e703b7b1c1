using BenchmarkDotNet.Attributes;
using CampWater.Silo.Ingestion;

namespace CampWater.Microbench;

/// <summary>
/// Parsing the native payload (docs/sensors.md), as every sensor message is. An accepted reading should allocate
/// its <c>TankReading</c> (88 bytes) and nothing else.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 29, 10, 15, 1, TimeSpan.Zero);

    private readonly byte[] _typical = """{"ts":"2026-11-29T10:15:00.1234567Z","distanceMm":1234,"batteryPct":87,"rssi":-97,"seq":42}"""u8.ToArray();
    private readonly byte[] _unixMs = """{"ts":1795947300000,"levelPct":55.5}"""u8.ToArray();
    private readonly byte[] _full = """{ "ts": "2026-11-29T10:15:00+03:00", "distanceMm": 1234, "batteryPct": 87, "batteryV": 3.6, "rssi": -97, "snr": 7.5, "seq": 42, "model": "LDDS75" }"""u8.ToArray();
    private readonly byte[] _malformed = """{"ts":"2026-11-29T10:15:00Z","distanceMm":12"""u8.ToArray();

    [Benchmark(Baseline = true, Description = "native: ISO ts, distance, battery, rssi, seq")]
    public PayloadParseResult Typical() => NativePayloadParser.Parse(_typical, ReceivedAt);

    [Benchmark(Description = "native: Unix ms ts, levelPct")]
    public PayloadParseResult UnixMilliseconds() => NativePayloadParser.Parse(_unixMs, ReceivedAt);

    [Benchmark(Description = "native: every optional field and an unknown one")]
    public PayloadParseResult EveryField() => NativePayloadParser.Parse(_full, ReceivedAt);

    [Benchmark(Description = "native: malformed JSON (rejected)")]
    public PayloadParseResult Malformed() => NativePayloadParser.Parse(_malformed, ReceivedAt);
}
