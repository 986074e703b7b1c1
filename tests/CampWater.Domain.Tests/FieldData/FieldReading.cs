namespace CampWater.FieldData;

/// <summary>One reading as the sensor sent it: the distance to the surface, and whether it was a false echo.</summary>
internal readonly record struct FieldReading(DateTimeOffset Ts, double DistanceMm, bool Wild);
