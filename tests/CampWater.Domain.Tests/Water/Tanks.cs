using System.Collections.Immutable;
using CampWater.Registry;

namespace CampWater.Water;

/// <summary>The tanks the specifications are written against, with their figures worked by hand.</summary>
internal static class Tanks
{
    /// <summary>The sensor of the registry example: 300 mm above a 3000 mm tank, 280 mm blind zone.</summary>
    public static SensorConfig Sensor { get; } = new(MountHeightMm: 3300, BlindZoneMm: 280, DevEui: null);

    /// <summary>Ø 2000 mm × 3000 mm: π·1000²·3000 mm³ = 9,424.778 L, π L (3.14159 L) per mm.</summary>
    public static TankGeometry VerticalCylinder2000By3000 { get; } =
        TankGeometry.From(Tank(TankShapeKind.VerticalCylinder, diameterMm: 2000, heightMm: 3000));

    /// <summary>Ø 2000 mm lying, 5000 mm long: full π·1000²·5000 mm³ = 15,707.963 L.</summary>
    public static TankGeometry HorizontalCylinder2000By5000 { get; } =
        TankGeometry.From(Tank(TankShapeKind.HorizontalCylinder, diameterMm: 2000, lengthMm: 5000));

    /// <summary>2000 × 1500 × 1000 mm: 3,000 L, 3 L per mm.</summary>
    public static TankGeometry Rectangular2000By1500By1000 { get; } =
        TankGeometry.From(Tank(TankShapeKind.Rectangular, widthMm: 2000, lengthMm: 1500, heightMm: 1000));

    /// <summary>Strapping (200 mm, 100 L), (1000 mm, 1100 L), (1800 mm, 2300 L); nothing said below 200 mm.</summary>
    public static TankGeometry Table { get; } = TankGeometry.From(Tank(
        TankShapeKind.Table,
        strapping: [new StrappingPoint(200, 100), new StrappingPoint(1000, 1100), new StrappingPoint(1800, 2300)]));

    public static TankConfig Tank(
        TankShapeKind shape,
        double? diameterMm = null,
        double? heightMm = null,
        double? lengthMm = null,
        double? widthMm = null,
        ImmutableArray<StrappingPoint> strapping = default) =>
        new(
            Id: "t1",
            Name: "Tank",
            ServesPopulation: null,
            Shape: shape,
            DiameterMm: diameterMm,
            HeightMm: heightMm,
            LengthMm: lengthMm,
            WidthMm: widthMm,
            Strapping: strapping.IsDefault ? [] : strapping,
            Sensor: Sensor,
            Thresholds: Thresholds.Default);
}
