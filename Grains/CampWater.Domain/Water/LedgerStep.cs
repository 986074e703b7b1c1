namespace CampWater.Water;

/// <summary>
/// The litres one estimate counted as drawn or delivered, over (<see cref="From"/>, the estimate's instant], where
/// <see cref="From"/> is the instant of the estimate they were counted from;
/// and, when a fill ended or the rate after it became known, the water estimated as drawn during it.
/// </summary>
public readonly record struct LedgerStep(double DrawnL, double DeliveredL, DateTimeOffset From, EstimatedDraw? Estimate);
