namespace CampWater.Notifications;

/// <summary>Where one notification stands: delivered, still being tried, given up after a day of tries, or not tried yet.</summary>
public enum DeliveryStatus
{
    Sent,
    Retrying,
    Failed,
    Queued,
}
