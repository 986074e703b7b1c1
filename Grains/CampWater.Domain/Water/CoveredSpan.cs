namespace CampWater.Water;

/// <summary>Seconds of one camp-local day that readings covered.</summary>
public readonly record struct CoveredSpan(DateOnly Date, double Seconds);
