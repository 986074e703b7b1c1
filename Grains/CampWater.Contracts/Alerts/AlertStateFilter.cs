namespace CampWater.Alerts;

public enum AlertStateFilter
{
    Open,
    Resolved,
    All,
}
