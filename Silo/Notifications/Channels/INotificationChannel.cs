using CampWater.Notifications;

namespace CampWater.Silo.Notifications.Channels;

/// <summary>
/// A way to reach people: email, an SMS gateway, a webhook. A channel sends one message and says how
/// the server answered; it never throws for a failed delivery, it never retries (the notifier does,
/// on its schedule), and it knows nothing of alerts or rules.
/// </summary>
public interface INotificationChannel
{
    string Name { get; }

    ChannelKind Kind { get; }

    Task<DeliveryAnswer> SendAsync(OutgoingMessage message, CancellationToken cancellationToken);
}
