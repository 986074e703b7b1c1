namespace CampWater.Water;

/// <summary>The filter state after one reading, and the litres that reading counted as drawn or delivered.</summary>
public readonly record struct LedgerStep(NoiseFilter Next, double DrawnL, double DeliveredL);
