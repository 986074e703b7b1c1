namespace CampWater.Alerts;

/// <summary>What an alert is about; on the wire in kebab case (<c>low-level</c>, <c>sensor-offline</c>, ...).</summary>
public enum AlertKind
{
    LowLevel,
    Overflow,
    RapidDrop,
    NightDraw,
    SensorOffline,
    SensorFault,
    CoverageLow,
}
