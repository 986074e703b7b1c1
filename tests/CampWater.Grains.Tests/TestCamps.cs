using CampWater.Readings;
using CampWater.Registry;

namespace CampWater;

/// <summary>Camps and readings for the grain tests. Each test takes its own camp id so tests never share grains.</summary>
internal static class TestCamps
{
    /// <summary>A 2,000 mm × 3,000 mm vertical cylinder: 9,424.78 L, 3.1416 L per mm of level.</summary>
    public static TankConfig Cylinder(string id = "t1", int? serves = null) => new(
        id, "Tank " + id, serves, TankShapeKind.VerticalCylinder, 2000, 3000, null, null, [],
        new SensorConfig(3300, 250, null), Thresholds.Default);

    public static CampConfig Camp(string id, int population = 1000, params TankConfig[] tanks) => new(
        id, "Camp " + id, "Asia/Damascus", population, 20, "00:00-04:00",
        tanks.Length == 0 ? [Cylinder()] : [.. tanks]);

    public static TankReading Level(DateTimeOffset ts, double levelMm) => new(ts, MeasurementKind.LevelMm, levelMm, ts);

    public static readonly DateTimeOffset Noon = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero); // 13:00 in Damascus
}
