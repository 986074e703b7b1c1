namespace CampWater.Water;

/// <summary>
/// Water drawn while a tank filled, estimated from the draw rate before and after the fill: counted in both
/// drawn and delivered over the fill (<see cref="From"/>, <see cref="To"/>]. Negative when the rate after the fill
/// corrects an earlier estimate downwards.
/// </summary>
public readonly record struct EstimatedDraw(DateTimeOffset From, DateTimeOffset To, double Litres);
