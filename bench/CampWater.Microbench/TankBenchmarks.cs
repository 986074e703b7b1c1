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
/// week of history already kept, as a tank in service has.
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

    /// <summary>What every state write costs (memory and Redis storage alike): the whole record, history included.</summary>
    [Benchmark(Description = "serialize the tank's record (a week of history) for a state write")]
    public int SerializeRecord() => StateSerializer.SerializeToArray(_tank).Length;

    [GlobalCleanup]
    public void Report() =>
        Console.WriteLine($"// A tank record with a week of readings every 30 s: {_tank.History.Count} history points, {_tank.Days.Count} days, {StateSerializer.SerializeToArray(_tank).Length} bytes serialized.");
}
