using System.Collections.Immutable;
using CampWater.Alerts;
using CampWater.Readings;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Tanks;
using CampWater.Water;

namespace CampWater.FieldData;

/// <summary>
/// One tank taking readings as its grain does: the model applies each, and the alert rules judge every estimate
/// it gives (a confirmed jump, then the reading itself).
/// </summary>
internal sealed class TankRun
{
    public TankRun(TankConfig config, string timeZone = "Asia/Damascus")
    {
        Zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        Record = new TankRecord { Config = config, CampId = "camp", TimeZone = timeZone };
        Geometry = TankGeometry.From(config);
    }

    public TankRecord Record { get; }

    public TankGeometry Geometry { get; private set; }

    public TimeZoneInfo Zone { get; }

    public List<AlertSignal> Signals { get; } = [];

    /// <summary>Ø 3000 × 3000 mm, 21,205.75 L, 7.0686 L per mm; sensor 300 mm above the brim, 280 mm blind zone.</summary>
    public static TankConfig Tank3000(double mountMm = 3300, double blindMm = 280, Thresholds? thresholds = null) =>
        new("t1", "Elevated tank A", 1500, TankShapeKind.VerticalCylinder, 3000, 3000, null, null, ImmutableArray<StrappingPoint>.Empty,
            new SensorConfig(mountMm, blindMm, null), thresholds ?? Thresholds.Default);

    public ApplyOutcome Level(DateTimeOffset ts, double levelMm) => Read(new TankReading(ts, MeasurementKind.LevelMm, levelMm, ts));

    public ApplyOutcome Distance(DateTimeOffset ts, double distanceMm) => Read(new TankReading(ts, MeasurementKind.DistanceMm, distanceMm, ts));

    public ApplyOutcome Read(TankReading reading)
    {
        var result = TankModel.Apply(Record, reading, Geometry, Zone);
        foreach (var estimate in (ReadOnlySpan<TankEstimate?>)[result.Confirmed, result.Current])
        {
            if (estimate is { } e)
            {
                Signals.AddRange(TankAlertRules.Evaluate(
                    Record.AlertMemory, TankAlertInput.Of(e, Geometry.CapacityL, Record.Config!.Thresholds, Record.QuietHours, Zone)));
            }
        }

        return result.Outcome;
    }

    public void Reconfigure(TankConfig config)
    {
        TankModel.Reconfigure(Record, Record.Config, config);
        Record.Config = config;
        Geometry = TankGeometry.From(config);
    }

    public TankDayRecord Day(DateOnly date) =>
        Record.Days.SingleOrDefault(d => d.Date == date) ?? new TankDayRecord(date, 0, 0, 0);

    public double DrawnL => Record.Days.Sum(d => d.DrawnL);

    public double DeliveredL => Record.Days.Sum(d => d.DeliveredL);

    /// <summary>Normal noise with σ <paramref name="sigma"/>, the same on every machine for a seed.</summary>
    public static Func<double> Noise(double sigma, int seed)
    {
        var random = new Random(seed);
        return () => Math.Sqrt(-2 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * sigma;
    }
}
