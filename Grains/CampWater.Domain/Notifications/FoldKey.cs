using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>What the no-spam rule counts messages by: one recipient, one place (camp and tank), one kind of alert.</summary>
[GenerateSerializer, Immutable, Alias("campwater.FoldKey")]
public sealed record FoldKey(
    [property: Id(0)] string Recipient,
    [property: Id(1)] string CampId,
    [property: Id(2)] string? TankId,
    [property: Id(3)] AlertKind Kind)
{
    public static FoldKey Of(Notification notification) =>
        new(notification.Recipient.Key, notification.Alert.CampId, notification.Alert.TankId, notification.Alert.Kind);
}
