namespace CampWater.Notifications;

/// <summary>
/// One planned message to one recipient, stored before it is sent: the notifications it carries (oldest
/// first; it is about the newest and says what the others were), and every attempt until it is
/// delivered or has failed. <see cref="DeliveryId"/> is the newest notification's, so it is the same on
/// every retry and after any restart. Attempt times are on the sending clock (the wall clock).
/// </summary>
[GenerateSerializer, Alias("campwater.Delivery")]
public sealed class Delivery
{
    [Id(0)] public string DeliveryId { get; set; } = "";

    [Id(1)] public Recipient Recipient { get; set; } = null!;

    [Id(2)] public List<Notification> Notifications { get; set; } = [];

    /// <summary>When the decisions planned it (camp clock).</summary>
    [Id(3)] public DateTimeOffset PlannedAt { get; set; }

    [Id(4)] public DeliveryStatus Status { get; set; } = DeliveryStatus.Queued;

    [Id(5)] public int Attempts { get; set; }

    [Id(6)] public DateTimeOffset? FirstAttemptAt { get; set; }

    [Id(7)] public DateTimeOffset? LastAttemptAt { get; set; }

    /// <summary>When it may be tried (again); meaningless once it is done.</summary>
    [Id(8)] public DateTimeOffset NextAttemptAt { get; set; }

    [Id(9)] public string? LastError { get; set; }

    [Id(10)] public DateTimeOffset? SentAt { get; set; }

    public Notification Newest => Notifications[^1];

    public bool IsDone => Status is DeliveryStatus.Sent or DeliveryStatus.Failed;

    public MessageBatch Batch => new(Recipient, [.. Notifications]);

    public static Delivery Plan(MessageBatch batch, DateTimeOffset plannedAt, DateTimeOffset sendFrom)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return new Delivery
        {
            DeliveryId = batch.Newest.DeliveryId,
            Recipient = batch.Recipient,
            Notifications = [.. batch.Notifications],
            PlannedAt = plannedAt,
            NextAttemptAt = sendFrom,
        };
    }

    /// <summary>
    /// Records one attempt: delivered is final; a refusal is retried on <see cref="RetrySchedule"/> until
    /// a day has passed since the first attempt, then it has failed. An answer for a delivery already
    /// done changes nothing (a late answer from before a restart).
    /// </summary>
    public void Attempted(bool delivered, string detail, DateTimeOffset now)
    {
        if (IsDone)
        {
            return;
        }

        Attempts++;
        FirstAttemptAt ??= now;
        LastAttemptAt = now;
        if (delivered)
        {
            Status = DeliveryStatus.Sent;
            SentAt = now;
            return;
        }

        LastError = detail;
        if (RetrySchedule.NextAttempt(FirstAttemptAt.Value, Attempts, now) is { } next)
        {
            Status = DeliveryStatus.Retrying;
            NextAttemptAt = next;
        }
        else
        {
            Status = DeliveryStatus.Failed;
        }
    }

    public DeliveryEntry ToEntry() => new(
        PlannedAt,
        NotifyNames.Of(Newest.Event),
        Recipient.Channel,
        NotifyNames.Of(Recipient.Kind),
        Recipient.Person ?? Recipient.Channel,
        Recipient.Person,
        Newest.Step,
        NotifyNames.Of(Status),
        Attempts,
        LastError,
        LastAttemptAt,
        SentAt,
        IsDone ? null : NextAttemptAt,
        DeliveryId,
        Notifications.Count);

    /// <summary>A notification decided but not planned yet (quiet hours, the fold), as the log shows it.</summary>
    public static DeliveryEntry Waiting(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var r = notification.Recipient;
        return new DeliveryEntry(notification.DecidedAt, NotifyNames.Of(notification.Event), r.Channel, NotifyNames.Of(r.Kind),
            r.Person ?? r.Channel, r.Person, notification.Step, NotifyNames.Of(DeliveryStatus.Queued), 0, null, null, null,
            notification.NotBefore, notification.DeliveryId, 1);
    }
}
