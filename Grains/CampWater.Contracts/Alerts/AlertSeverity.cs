namespace CampWater.Alerts;

public enum AlertSeverity
{
    Info,
    Warning,
    Critical,
}
