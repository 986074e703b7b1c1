namespace CampWater.Silo.Notifications.Channels;

/// <summary>
/// One message as a channel sends it. <see cref="Address"/>: the email address or E.164 phone number
/// (null for a webhook, whose address is its channel's URL); <see cref="Subject"/>: email only;
/// <see cref="Text"/>: the SMS or the email body; <see cref="Json"/>: the webhook body.
/// <see cref="DeliveryId"/> is the same on every attempt.
/// </summary>
public sealed record OutgoingMessage(
    string DeliveryId,
    string? Address,
    string? PersonName,
    string Subject,
    string Text,
    string? Json);
