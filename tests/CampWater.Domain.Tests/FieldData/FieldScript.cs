namespace CampWater.FieldData;

/// <summary>What a <see cref="FieldDay"/> sensor sent, and the water that really left and entered the tank on the measured day.</summary>
internal sealed record FieldScript(double CapacityL, IReadOnlyList<FieldReading> Readings, double TrueDrawnL, double TrueDeliveredL);
