namespace CampWater.Alerts;

public enum AlertActionKind
{
    Acknowledge,
    Assign,
    Comment,
    Resolve,
}
