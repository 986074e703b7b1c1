namespace CampWater.Registry;

/// <summary>The geometry of a tank, as named in the registry (<c>vertical-cylinder</c>, ...).</summary>
public enum TankShapeKind
{
    VerticalCylinder,
    HorizontalCylinder,
    Rectangular,
    Table,
}
