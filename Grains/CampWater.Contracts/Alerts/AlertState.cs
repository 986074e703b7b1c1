namespace CampWater.Alerts;

/// <summary>active → acknowledged → resolved, or active → resolved.</summary>
public enum AlertState
{
    Active,
    Acknowledged,
    Resolved,
}
