namespace CampWater.Notifications;

/// <summary>What happened to an alert that people are told of; on the wire in kebab case (<c>raised</c>, ...).</summary>
public enum NotifyEvent
{
    /// <summary>The alert was raised, or an escalation step reached it while nobody had acknowledged it.</summary>
    Raised,

    /// <summary>Its severity rose, or the 15-minute re-send of an unacknowledged critical alert.</summary>
    Escalated,

    Acknowledged,

    Resolved,
}
