using System.Collections.Immutable;
using CampWater.Registry;

namespace CampWater.Water;

/// <summary>
/// The level ↔ volume relation of one tank. Built once per configuration; every volume the system
/// shows or adds up comes from here, so capacity is always the volume at full height and never drifts
/// from a configured figure.
/// </summary>
public sealed class TankGeometry
{
    private const double CubicMmPerLitre = 1_000_000;

    // Bisection stops when the bracket is this narrow: far below what any level sensor resolves.
    private const double BisectionToleranceMm = 0.001;

    // Cross-section (mm²) for the prismatic shapes; unused otherwise.
    private readonly double _areaMm2;

    // Horizontal cylinder only.
    private readonly double _radiusMm;
    private readonly double _lengthMm;

    // Table only: ascending levels with (0, 0) put in front when the first row is above the floor.
    private readonly ImmutableArray<StrappingPoint> _table;

    private TankGeometry(
        TankShapeKind shape,
        double fullHeightMm,
        double areaMm2 = 0,
        double radiusMm = 0,
        double lengthMm = 0,
        ImmutableArray<StrappingPoint> table = default)
    {
        Shape = shape;
        FullHeightMm = fullHeightMm;
        _areaMm2 = areaMm2;
        _radiusMm = radiusMm;
        _lengthMm = lengthMm;
        _table = table.IsDefault ? [] : table;
        CapacityL = VolumeAt(fullHeightMm);
    }

    public TankShapeKind Shape { get; }

    /// <summary>The depth at which the tank is full: the height, the diameter of a horizontal cylinder, or the last strapping level.</summary>
    public double FullHeightMm { get; }

    public double CapacityL { get; }

    public static TankGeometry From(TankConfig tank)
    {
        ArgumentNullException.ThrowIfNull(tank);
        return tank.Shape switch
        {
            TankShapeKind.VerticalCylinder => VerticalCylinder(
                Required(tank.DiameterMm, tank, "diameterMm"),
                Required(tank.HeightMm, tank, "heightMm")),
            TankShapeKind.HorizontalCylinder => HorizontalCylinder(
                Required(tank.DiameterMm, tank, "diameterMm"),
                Required(tank.LengthMm, tank, "lengthMm")),
            TankShapeKind.Rectangular => Rectangular(
                Required(tank.WidthMm, tank, "widthMm"),
                Required(tank.LengthMm, tank, "lengthMm"),
                Required(tank.HeightMm, tank, "heightMm")),
            TankShapeKind.Table => Table(tank.Strapping, tank.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(tank), tank.Shape, $"Tank '{tank.Id}' has an unknown shape."),
        };
    }

    /// <summary>Litres held at <paramref name="levelMm"/>, clamped to [0, <see cref="FullHeightMm"/>].</summary>
    public double VolumeAt(double levelMm)
    {
        var h = Math.Clamp(levelMm, 0, FullHeightMm);
        return Shape switch
        {
            TankShapeKind.VerticalCylinder or TankShapeKind.Rectangular => _areaMm2 * h / CubicMmPerLitre,
            TankShapeKind.HorizontalCylinder => SegmentAreaMm2(h) * _lengthMm / CubicMmPerLitre,
            _ => TableVolumeAt(h),
        };
    }

    /// <summary>
    /// Litres per millimetre of level at <paramref name="levelMm"/>: what a rate of level is worth in water there.
    /// Taken over the millimetre around it, or the one inside the tank at either end.
    /// </summary>
    public double LitresPerMmAt(double levelMm)
    {
        var low = Math.Clamp(levelMm - 0.5, 0, Math.Max(0, FullHeightMm - 1));
        return VolumeAt(low + 1) - VolumeAt(low);
    }

    /// <summary>The level at which the tank holds <paramref name="volumeL"/>, clamped to [0, <see cref="CapacityL"/>].</summary>
    public double LevelAt(double volumeL)
    {
        var v = Math.Clamp(volumeL, 0, CapacityL);
        return Shape switch
        {
            TankShapeKind.VerticalCylinder or TankShapeKind.Rectangular => v * CubicMmPerLitre / _areaMm2,
            TankShapeKind.HorizontalCylinder => BisectLevel(v),
            _ => TableLevelAt(v),
        };
    }

    private static TankGeometry VerticalCylinder(double diameterMm, double heightMm)
    {
        var r = diameterMm / 2;
        return new TankGeometry(TankShapeKind.VerticalCylinder, heightMm, areaMm2: Math.PI * r * r);
    }

    private static TankGeometry HorizontalCylinder(double diameterMm, double lengthMm) =>
        new(TankShapeKind.HorizontalCylinder, diameterMm, radiusMm: diameterMm / 2, lengthMm: lengthMm);

    private static TankGeometry Rectangular(double widthMm, double lengthMm, double heightMm) =>
        new(TankShapeKind.Rectangular, heightMm, areaMm2: widthMm * lengthMm);

    private static TankGeometry Table(ImmutableArray<StrappingPoint> strapping, string tankId)
    {
        if (strapping.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"Tank '{tankId}' has shape table but no strapping points.", nameof(strapping));
        }

        var points = strapping.Sort((a, b) => a.LevelMm.CompareTo(b.LevelMm));
        if (points[0].LevelMm > 0)
        {
            // A table that starts above the floor says nothing of the bottom; an empty floor is the
            // only honest assumption, and it keeps VolumeAt continuous from zero.
            points = points.Insert(0, new StrappingPoint(0, 0));
        }

        return new TankGeometry(TankShapeKind.Table, points[^1].LevelMm, table: points);
    }

    private static double Required(double? value, TankConfig tank, string field) =>
        value ?? throw new ArgumentException($"Tank '{tank.Id}' of shape {tank.Shape} needs {field}.", nameof(tank));

    // Area of the circular segment of depth h: r²·acos((r−h)/r) − (r−h)·√(2rh − h²).
    private double SegmentAreaMm2(double h)
    {
        var r = _radiusMm;
        var c = r - h;
        var cosine = Math.Clamp(c / r, -1, 1);
        var chordHalf = Math.Sqrt(Math.Max(0, (2 * r * h) - (h * h)));
        return (r * r * Math.Acos(cosine)) - (c * chordHalf);
    }

    // The segment formula has no closed-form inverse; it is strictly increasing, so bisection is safe.
    private double BisectLevel(double volumeL)
    {
        double low = 0;
        double high = FullHeightMm;
        while (high - low > BisectionToleranceMm)
        {
            var mid = (low + high) / 2;
            if (VolumeAt(mid) < volumeL)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return (low + high) / 2;
    }

    private double TableVolumeAt(double levelMm)
    {
        var points = _table;
        if (levelMm <= points[0].LevelMm)
        {
            return points[0].Litres;
        }

        for (var i = 1; i < points.Length; i++)
        {
            var upper = points[i];
            if (levelMm <= upper.LevelMm)
            {
                var lower = points[i - 1];
                var span = upper.LevelMm - lower.LevelMm;
                return span <= 0
                    ? upper.Litres
                    : lower.Litres + ((upper.Litres - lower.Litres) * (levelMm - lower.LevelMm) / span);
            }
        }

        return points[^1].Litres;
    }

    private double TableLevelAt(double volumeL)
    {
        var points = _table;
        if (volumeL <= points[0].Litres)
        {
            return points[0].LevelMm;
        }

        for (var i = 1; i < points.Length; i++)
        {
            var upper = points[i];
            if (volumeL <= upper.Litres)
            {
                var lower = points[i - 1];
                var litres = upper.Litres - lower.Litres;

                // A flat stretch of the table (equal litres) gives no single level; its lowest is the
                // one first reached while filling.
                return litres <= 0
                    ? lower.LevelMm
                    : lower.LevelMm + ((upper.LevelMm - lower.LevelMm) * (volumeL - lower.Litres) / litres);
            }
        }

        return points[^1].LevelMm;
    }
}
