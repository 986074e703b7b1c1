namespace CampWater.Load;

/// <summary>One simulated tank: where it is, how its sensor is mounted, and the level it hovers around.</summary>
public sealed record FleetTank(int Index, string CampId, string TankId, string DevEui, double BaseDistanceMm);
