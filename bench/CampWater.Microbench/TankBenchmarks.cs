using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using CampWater.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using CampWater.Readings;
using CampWater.Registry;
using CampWater.Tanks;
using CampWater.Water;

namespace CampWater.Microbench;

/// <summary>
/// What a tank grain does for each reading: apply it to the record (level, ledger, history), then build the
/// status it sends its camp. The tank has a steady level with sensor noise, one reading every 30 s, and a
/// week of history already kept, as a tank in service has. The state write per reading is measured as it was
/// (the whole record, history included) and as it is (the record with the tail of points not yet flushed),
/// with the history record written instead every ten minutes of readings.
/// </summary>
[MemoryDiagnoser]
public class TankBenchmarks
{
    private static readonly TankConfig Config = new(
        Id: "t1",
        Name: "Elevated tank A",
        ServesPopulation: 1500,
        Shape: TankShapeKind.VerticalCylinder,
        DiameterMm: 3000,
        HeightMm: 3000,
        LengthMm: null,
        WidthMm: null,
        Strapping: ImmutableArray<StrappingPoint>.Empty,
        Sensor: new SensorConfig(MountHeightMm: 3300, BlindZoneMm: 280, DevEui: null),
        Thresholds: Thresholds.Default);

    private static readonly Serializer StateSerializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(TankRecord).Assembly).AddAssembly(typeof(Alert).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private readonly TankGeometry _geometry = TankGeometry.From(Config);
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");
    private TankRecord _tank = null!;
    private TankRecord _wholeRecord = null!;
    private TankRecord _recordWithTail = null!;
    private TankHistoryRecord _historyRecord = null!;
    private DateTimeOffset _ts;
    private int _n;

    [GlobalSetup]
    public void Setup()
    {
        _tank = new TankRecord { Config = Config, CampId = "atmeh-3", TimeZone = "Asia/Damascus" };
        _ts = new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 7 * 24 * 120; i++)
        {
            Apply();
        }

        // Copies, so that the Apply benchmark going on with _tank does not change what is serialized.
        // The record as stored before the split carried the history under Id 7, where LegacyHistory is now.
        _wholeRecord = StateSerializer.Deserialize<TankRecord>(StateSerializer.SerializeToArray(_tank))!;
        _wholeRecord.LegacyHistory = [.. _tank.History];

        // The longest tail a tank writes: ten minutes of points, one a minute, before the next flush.
        _recordWithTail = StateSerializer.Deserialize<TankRecord>(StateSerializer.SerializeToArray(_tank))!;
        var split = HistorySplit.Restore([.. _tank.History.SkipLast(11)], [], _tank.Latest!.Ts);
        split.FillTail(_tank.History, _recordWithTail.HistoryTail);
        _historyRecord = new TankHistoryRecord { Points = [.. _tank.History] };
    }

    [Benchmark(Description = "TankModel.Apply: one reading")]
    public TankApplyResult Apply()
    {
        _ts = _ts.AddSeconds(30);
        var distance = 1500 + ((_n++ * 7) % 9) - 4;
        return TankModel.Apply(_tank, new TankReading(_ts, MeasurementKind.DistanceMm, distance, _ts), _geometry, _zone);
    }

    [Benchmark(Description = "TankModel.Status: the status sent to the camp")]
    public object Status() => TankModel.Status(_tank, _geometry, _zone, _ts);

    /// <summary>What every state write cost before the split (memory and Redis storage alike): the whole record, history included.</summary>
    [Benchmark(Description = "state write per reading, before: the whole record (a week of history)")]
    public int SerializeWholeRecord() => StateSerializer.SerializeToArray(_wholeRecord).Length;

    /// <summary>What every state write costs now: the record with the points added since the last flush (at most 11).</summary>
    [Benchmark(Description = "state write per reading, after: the record with an 11-point tail")]
    public int SerializeRecordWithTail() => StateSerializer.SerializeToArray(_recordWithTail).Length;

    /// <summary>The flush, once per ten minutes of readings: the history record with the week of points.</summary>
    [Benchmark(Description = "history flush, every 10 min of readings: the history record")]
    public int SerializeHistoryRecord() => StateSerializer.SerializeToArray(_historyRecord).Length;

    [GlobalCleanup]
    public void Report() =>
        Console.WriteLine(
            $"// A tank with a week of readings every 30 s: {_tank.History.Count} history points, {_tank.Days.Count} days; " +
            $"whole record {StateSerializer.SerializeToArray(_wholeRecord).Length} bytes, " +
            $"record with a {_recordWithTail.HistoryTail.Count}-point tail {StateSerializer.SerializeToArray(_recordWithTail).Length} bytes, " +
            $"history record {StateSerializer.SerializeToArray(_historyRecord).Length} bytes serialized.");
}
