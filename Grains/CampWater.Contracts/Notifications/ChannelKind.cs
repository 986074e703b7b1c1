namespace CampWater.Notifications;

/// <summary>How a channel reaches people; on the wire and in configuration in lower case.</summary>
public enum ChannelKind
{
    Email,
    Sms,
    Webhook,
}
