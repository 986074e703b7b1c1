using CampWater.Alerts;

namespace CampWater.Trucking;

/// <summary>An alert signal of trucking and the tank it is about.</summary>
public readonly record struct TruckingSignal(string TankId, AlertSignal Signal);
