using System.Security.Cryptography;
using System.Text;
using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>
/// One decided notification: tell <see cref="Recipient"/> of <see cref="Event"/> on <see cref="Alert"/> (as it
/// was then), for routing step <see cref="Step"/> (the rule's index), not before <see cref="NotBefore"/>
/// (quiet hours). <see cref="Key"/> is unique per (alert, event, step, recipient) — an escalation repeats,
/// so its occurrence is part of it — and <see cref="DeliveryId"/> is derived from it, so it is the same
/// on every attempt and after any restart.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.Notification")]
public sealed record Notification(
    [property: Id(0)] string Key,
    [property: Id(1)] Alert Alert,
    [property: Id(2)] NotifyEvent Event,
    [property: Id(3)] int Step,
    [property: Id(4)] Recipient Recipient,
    [property: Id(5)] DateTimeOffset DecidedAt,
    [property: Id(6)] DateTimeOffset NotBefore)
{
    public string DeliveryId => DeliveryIdOf(Key);

    public static Notification Create(Alert alert, NotifyEvent notifyEvent, long occurrence, int step, Recipient recipient, DateTimeOffset at, DateTimeOffset notBefore) =>
        new($"{alert.Id}|{NotifyNames.Of(notifyEvent)}|{occurrence}|{step}|{recipient.Key}", alert, notifyEvent, step, recipient, at, notBefore);

    /// <summary>A UUID-shaped id from the key (the first 16 bytes of its SHA-256): opaque, stable, safe in a header.</summary>
    public static string DeliveryIdOf(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
