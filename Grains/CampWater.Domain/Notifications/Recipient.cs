namespace CampWater.Notifications;

/// <summary>
/// One address on one channel: a person on an email or SMS channel, or a webhook channel itself
/// (<see cref="Person"/> null). <see cref="Key"/> is how configuration writes it: <c>sms:amina</c>, <c>ops-hook</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.Recipient")]
public sealed record Recipient(
    [property: Id(0)] string Channel,
    [property: Id(1)] ChannelKind Kind,
    [property: Id(2)] string? Person)
{
    public string Key => Person is null ? Channel : $"{Channel}:{Person}";

    /// <summary>People get at most one message per (tank, kind) per window; a webhook is a machine and gets every event.</summary>
    public bool IsThrottled => Person is not null;

    public override string ToString() => Key;
}
