using System.Collections.Immutable;

namespace CampWater.Notifications;

/// <summary>
/// The no-spam rule: on each channel a person gets at most one message per (tank, kind) per
/// <see cref="Window"/>; what comes meanwhile waits and is folded into the next message, which says what
/// happened. A flapping sensor sends one SMS, then one ten minutes later that says "9 more times",
/// never a hundred. Webhooks are machines and get every notification as it comes. Quiet hours hold a
/// notification until its <see cref="Notification.NotBefore"/>.
/// </summary>
public static class SendGate
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <param name="pending">Notifications decided and not yet handed to a channel.</param>
    /// <param name="lastSent">When the last message went for each fold key (the caller records <paramref name="now"/> for each batch it sends).</param>
    public static GatePlan Plan(IEnumerable<Notification> pending, IReadOnlyDictionary<FoldKey, DateTimeOffset> lastSent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(lastSent);
        var send = new List<MessageBatch>();
        DateTimeOffset? nextLook = null;
        var due = new List<Notification>();
        foreach (var notification in pending)
        {
            if (notification.NotBefore > now)
            {
                nextLook = Earliest(nextLook, notification.NotBefore);
            }
            else if (!notification.Recipient.IsThrottled)
            {
                send.Add(new MessageBatch(notification.Recipient, [notification]));
            }
            else
            {
                due.Add(notification);
            }
        }

        foreach (var group in due.GroupBy(FoldKey.Of))
        {
            if (lastSent.TryGetValue(group.Key, out var last) && now < last + Window)
            {
                nextLook = Earliest(nextLook, last + Window);
                continue;
            }

            // Stable: notifications decided at the same instant (one turn) keep the order they were decided in.
            var batch = group.OrderBy(n => n.DecidedAt).ToImmutableArray();
            send.Add(new MessageBatch(batch[0].Recipient, batch));
        }

        return new GatePlan(send, nextLook);
    }

    private static DateTimeOffset Earliest(DateTimeOffset? current, DateTimeOffset candidate) =>
        current is { } c && c <= candidate ? c : candidate;
}
