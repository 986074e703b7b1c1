namespace CampWater.Notifications;

/// <summary>Where one notification stands: delivered, still being tried, or given up after a day of tries.</summary>
public enum DeliveryStatus
{
    Sent,
    Retrying,
    Failed,
}
