using CampWater.Alerts;

namespace CampWater.Services;

/// <summary>The alert kinds a camp's services judge (quality at a place, access for the camp), not its tanks.</summary>
public static class ServiceAlerts
{
    public static bool Owns(AlertKind kind) =>
        kind is AlertKind.QualityFrcLow or AlertKind.QualityFrcHigh or AlertKind.QualityTurbidity or AlertKind.QualityEcoli
            or AlertKind.QualityPh or AlertKind.TapsShort or AlertKind.LatrinesShort;

    public static bool IsQuality(AlertKind kind) => Owns(kind) && kind is not (AlertKind.TapsShort or AlertKind.LatrinesShort);
}
