namespace CampWater.Registry;

/// <summary>One row of a tank's strapping (calibration) table: litres held at a depth.</summary>
[GenerateSerializer, Immutable, Alias("campwater.StrappingPoint")]
public readonly record struct StrappingPoint([property: Id(0)] double LevelMm, [property: Id(1)] double Litres);
