using System.Collections.Immutable;

namespace CampWater.Notifications;

/// <summary>
/// What goes to one recipient as one message: a notification, or several folded together (oldest first)
/// because they came within the no-spam window; the message is about the newest and says what the
/// others were.
/// </summary>
public sealed record MessageBatch(Recipient Recipient, ImmutableArray<Notification> Notifications)
{
    public Notification Newest => Notifications[^1];

    public bool IsFolded => Notifications.Length > 1;

    /// <summary>The notifications that came before the newest: what happened meanwhile.</summary>
    public IEnumerable<Notification> Meanwhile => Notifications.Take(Notifications.Length - 1);
}
