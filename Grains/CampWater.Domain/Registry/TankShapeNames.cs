namespace CampWater.Registry;

/// <summary>The registry's kebab-case names of <see cref="TankShapeKind"/>, the only spelling the file and API accept.</summary>
internal static class TankShapeNames
{
    public const string Choices = "'vertical-cylinder', 'horizontal-cylinder', 'rectangular' or 'table'";

    public static string Of(TankShapeKind shape) =>
        shape switch
        {
            TankShapeKind.VerticalCylinder => "vertical-cylinder",
            TankShapeKind.HorizontalCylinder => "horizontal-cylinder",
            TankShapeKind.Rectangular => "rectangular",
            TankShapeKind.Table => "table",
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape, "Not a tank shape."),
        };

    public static bool TryParse(string name, out TankShapeKind shape)
    {
        (var known, shape) = name switch
        {
            "vertical-cylinder" => (true, TankShapeKind.VerticalCylinder),
            "horizontal-cylinder" => (true, TankShapeKind.HorizontalCylinder),
            "rectangular" => (true, TankShapeKind.Rectangular),
            "table" => (true, TankShapeKind.Table),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>Whether <paramref name="dimension"/> (a registry field name) is part of the shape's geometry.</summary>
    public static bool Uses(TankShapeKind shape, string dimension) =>
        (shape, dimension) switch
        {
            (TankShapeKind.VerticalCylinder, "diameterMm" or "heightMm") => true,
            (TankShapeKind.HorizontalCylinder, "diameterMm" or "lengthMm") => true,
            (TankShapeKind.Rectangular, "widthMm" or "lengthMm" or "heightMm") => true,
            (TankShapeKind.Table, "strapping") => true,
            _ => false,
        };
}
