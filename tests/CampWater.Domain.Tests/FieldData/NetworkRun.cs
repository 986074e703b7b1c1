using System.Collections.Immutable;
using CampWater.Camps;
using CampWater.Readings;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Tanks;
using CampWater.Water;
using Xunit;

namespace CampWater.FieldData;

/// <summary>A generated network's messages through each tank's model, as its grain applies them, and the camp's rollup of them.</summary>
internal sealed class NetworkRun
{
    public NetworkRun(CampConfig camp, IReadOnlyList<NetworkMessage> messages)
    {
        Camp = camp;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(camp.TimeZone);
        foreach (var tank in camp.Tanks)
        {
            Records[tank.Id] = new TankRecord { Config = tank, CampId = camp.Id, TimeZone = camp.TimeZone };
        }

        foreach (var m in messages)
        {
            var record = Records[m.TankId];
            if (m.IsInflow)
            {
                InflowModel.Apply(record, new InflowReading(m.Ts, m.Value, m.Ts), Zone);
            }
            else
            {
                TankModel.Apply(record, new TankReading(m.Ts, MeasurementKind.DistanceMm, m.Value, m.Ts), TankGeometry.From(record.Config!), Zone);
            }
        }
    }

    public CampConfig Camp { get; private set; }

    public TimeZoneInfo Zone { get; }

    public Dictionary<string, TankRecord> Records { get; } = new(StringComparer.Ordinal);

    public static CampConfig CampOf(int population, params TankConfig[] tanks) =>
        new("field", "Field camp", "Asia/Damascus", population, 20, CampConfig.DefaultQuietHours, [.. tanks]);

    public DailyCoverage Coverage(DateOnly date, CampConfig? camp = null) =>
        Assert.Single(CampModel.Coverage(camp ?? Camp, Records.ToDictionary(kv => kv.Key, kv => kv.Value.Days.ToArray()), date, date, Zone));

    public TankStatus Status(string tankId, DateTimeOffset now) =>
        TankModel.Status(Records[tankId], TankGeometry.From(Records[tankId].Config!), Zone, now);

    public CampSummary Summary(DateTimeOffset now, IReadOnlyDictionary<string, TankStatus>? statuses = null) =>
        CampModel.Summary(
            Camp, statuses ?? Camp.Tanks.ToDictionary(t => t.Id, t => Status(t.Id, now)),
            Records.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<TankDayRecord>)kv.Value.Days), Zone, now, new AlertCounts(0, 0, 0));
}

/// <summary>Tanks of the generated networks; sensors 300 mm above the brim, stated accuracy ±(10 mm + 0.3 %).</summary>
internal static class NetworkTanks
{
    /// <summary>A ground reservoir 8000 × 5000 × 2500 mm: 100,000 L.</summary>
    public static TankConfig Reservoir(string id = "reservoir", params string[] feeds) =>
        new(id, "Reservoir", null, TankShapeKind.Rectangular, null, 2500, 5000, 8000, [], new SensorConfig(2800, 250, null), Thresholds.Default)
        { Feeds = feeds.Length == 0 ? default : [.. feeds] };

    /// <summary>An elevated tank Ø 3000 × 3000 mm: 21,206 L.</summary>
    public static TankConfig Elevated(string id, int? serves = null, double outletMm = 0) =>
        new(id, "Elevated tank " + id, serves, TankShapeKind.VerticalCylinder, 3000, 3000, null, null, [], new SensorConfig(3300, 280, null), Thresholds.Default)
        { OutletMm = outletMm };

    /// <summary>A trucked tank 10000 × 5000 × 2000 mm: 100,000 L.</summary>
    public static TankConfig Trucked(string id = "trucked", int? serves = null) =>
        new(id, "Trucked tank", serves, TankShapeKind.Rectangular, null, 2000, 5000, 10000, [], new SensorConfig(2300, 250, null), Thresholds.Default);

    /// <summary>A horizontal cylinder Ø 2000 × 4000 mm: 12,566 L.</summary>
    public static TankConfig Horizontal(string id = "horizontal") =>
        new(id, "Horizontal tank", null, TankShapeKind.HorizontalCylinder, 2000, null, 4000, null, [], new SensorConfig(2250, 200, null), Thresholds.Default);

    /// <summary>People drawing <paramref name="litresPerDay"/> through the day in the usual morning and evening crowds.</summary>
    public static Func<double, double> Daily(double litresPerDay, int seed) => DrawProfile.Daily(litresPerDay, seed);

    /// <summary>A steady draw of <paramref name="lph"/> from <paramref name="fromHour"/> for <paramref name="hours"/> hours.</summary>
    public static Func<double, double> Steady(double lph, double fromHour, double hours) =>
        hour => hour >= fromHour && hour < fromHour + hours ? lph : 0;
}
