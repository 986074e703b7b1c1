namespace CampWater.Notifications;

/// <summary>
/// One line of an alert's delivery log (<c>GET /api/alerts/{id}/notifications</c>): a message to one
/// recipient on one channel. <see cref="Status"/> is <c>queued</c> (not tried yet: waiting for its first
/// attempt, quiet hours or the 10-minute fold), <c>sent</c>, <c>retrying</c> or <c>failed</c>.
/// <see cref="Recipient"/> is the person's name, or the webhook channel's; <see cref="Step"/> the rule
/// that sent it (-1: an acknowledged or resolved follow-up); <see cref="Folded"/> how many notifications
/// the message carries (more than 1: it says what happened meanwhile).
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.DeliveryEntry")]
public sealed record DeliveryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Event,
    [property: Id(2)] string Channel,
    [property: Id(3)] string ChannelKind,
    [property: Id(4)] string Recipient,
    [property: Id(5)] string? Person,
    [property: Id(6)] int Step,
    [property: Id(7)] string Status,
    [property: Id(8)] int Attempts,
    [property: Id(9)] string? LastError,
    [property: Id(10)] DateTimeOffset? LastAttemptAt,
    [property: Id(11)] DateTimeOffset? SentAt,
    [property: Id(12)] DateTimeOffset? NextAttemptAt,
    [property: Id(13)] string DeliveryId,
    [property: Id(14)] int Folded);
