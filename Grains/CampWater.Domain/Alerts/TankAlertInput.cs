using CampWater.Registry;

namespace CampWater.Alerts;

/// <summary>One applied, plausible reading as the tank rules see it.</summary>
/// <param name="DrawnL">Litres the ledger counted as drawn by this reading; 0 if none.</param>
/// <param name="FallPctPerHour">
/// Net fall over the last 10 minutes as % of capacity per hour, positive while falling; null when unknown.
/// </param>
/// <param name="QuietHours">The camp's <c>HH:mm-HH:mm</c>, camp-local; it may wrap midnight.</param>
public sealed record TankAlertInput(
    DateTimeOffset Ts,
    double LevelPct,
    double VolumeL,
    double CapacityL,
    double DrawnL,
    double? FallPctPerHour,
    Thresholds Thresholds,
    string QuietHours,
    TimeZoneInfo Zone);
