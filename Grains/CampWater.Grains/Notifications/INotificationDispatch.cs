using CampWater.Notifications;

namespace CampWater.Notifications;

/// <summary>
/// Where the notifier grain hands deliveries to be sent, off its turn: the host's bounded pool of
/// senders, which reports each attempt back with <see cref="Grains.INotifierGrain.Attempted"/>. The
/// host provides it only when notifications are configured; without it nobody is notified.
/// </summary>
public interface INotificationDispatch
{
    /// <summary>The validated people, channels and rules.</summary>
    NotifyPlan Plan { get; }

    /// <summary>Queues one attempt without waiting; false when the pool's queue is full (the notifier tries again on its next tick).</summary>
    bool TryQueue(DeliveryJob job);
}

/// <summary>One attempt to make: the delivery (its id is the same on every retry), the message's notifications and where the alert is.</summary>
public sealed record DeliveryJob(string CampId, string DeliveryId, MessageBatch Batch, AlertPlace Place);
