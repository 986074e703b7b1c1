using System.Collections.Immutable;
using CampWater.Registry;

namespace CampWater.FieldData;

/// <summary>The tanks the generated days run on: each sensor 250–300 mm above the brim, stated accuracy ±(10 mm + 0.3 %).</summary>
internal sealed record FieldTank(string Name, TankConfig Config)
{
    public static FieldTank VerticalCylinder { get; } = new("vertical Ø3000×3000", Tank(
        TankShapeKind.VerticalCylinder, mountMm: 3300, diameterMm: 3000, heightMm: 3000));

    public static FieldTank HorizontalCylinder { get; } = new("horizontal Ø2000×4000", Tank(
        TankShapeKind.HorizontalCylinder, mountMm: 2250, diameterMm: 2000, lengthMm: 4000));

    public static FieldTank Rectangular { get; } = new("rectangular 3000×4000×2000", Tank(
        TankShapeKind.Rectangular, mountMm: 2300, widthMm: 3000, lengthMm: 4000, heightMm: 2000));

    /// <summary>A tapered tank wider at the top, 2000 mm deep, strapped: 13,000 L.</summary>
    public static FieldTank Strapped { get; } = new("strapped 2000 mm", Tank(
        TankShapeKind.Table, mountMm: 2300,
        strapping: [new(0, 0), new(500, 2500), new(1000, 5500), new(1500, 9000), new(2000, 13000)]));

    public static IReadOnlyList<FieldTank> All { get; } = [VerticalCylinder, HorizontalCylinder, Rectangular, Strapped];

    public override string ToString() => Name;

    private static TankConfig Tank(
        TankShapeKind shape, double mountMm, double? diameterMm = null, double? heightMm = null, double? lengthMm = null,
        double? widthMm = null, ImmutableArray<StrappingPoint> strapping = default) =>
        new("t1", "Field tank", null, shape, diameterMm, heightMm, lengthMm, widthMm, strapping.IsDefault ? [] : strapping,
            new SensorConfig(mountMm, BlindZoneMm: 250, DevEui: null), Thresholds.Default);
}
