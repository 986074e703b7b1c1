using CampWater.Registry;

namespace CampWater.Alerts;

/// <summary>One estimate of a tank's level as the tank rules see it.</summary>
/// <param name="DrawnL">Litres the ledger counted as drawn at this estimate; 0 if none.</param>
/// <param name="FallPctPerHour">Net fall as % of capacity per hour, positive while falling; null when unknown.</param>
/// <param name="QuietHours">The camp's <c>HH:mm-HH:mm</c>, camp-local; it may wrap midnight.</param>
/// <param name="FallSince">
/// Since when the fall has been measured (the estimate before this one): a fall measured over one gap of
/// 20 minutes has lasted those 20 minutes. Null: since <paramref name="Ts"/>.
/// </param>
public sealed record TankAlertInput(
    DateTimeOffset Ts,
    double LevelPct,
    double VolumeL,
    double CapacityL,
    double DrawnL,
    double? FallPctPerHour,
    Thresholds Thresholds,
    string QuietHours,
    TimeZoneInfo Zone,
    DateTimeOffset? FallSince = null)
{
    /// <summary>An estimate of the tank's level (see <see cref="Tanks.TankModel.Apply"/>) as the rules take it.</summary>
    public static TankAlertInput Of(Tanks.TankEstimate estimate, double capacityL, Thresholds thresholds, string quietHours, TimeZoneInfo zone) =>
        new(estimate.At, estimate.LevelPct, estimate.VolumeL, capacityL, estimate.DrawnL, estimate.FallPctPerHour, thresholds, quietHours, zone, estimate.FallSince);
}
