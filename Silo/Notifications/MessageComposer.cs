using CampWater.Notifications;
using CampWater.Silo.Notifications.Channels;
using CampWater.Texts;

namespace CampWater.Silo.Notifications;

/// <summary>Turns what the decisions chose (a batch for one recipient) into the message its channel sends, in the recipient's language.</summary>
public sealed class MessageComposer(NotifyPlan plan, NotificationTexts texts, TextCatalogue catalogue)
{
    public OutgoingMessage Compose(MessageBatch batch, AlertPlace place, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var newest = batch.Newest;
        var recipient = batch.Recipient;
        var language = plan.LanguageOf(recipient);
        var address = plan.AddressOf(recipient);
        return recipient.Kind switch
        {
            ChannelKind.Email => new OutgoingMessage(newest.DeliveryId, address, recipient.Person,
                texts.EmailSubject(newest.Alert, place, language), texts.EmailBody(batch, place, language), null),
            ChannelKind.Sms => new OutgoingMessage(newest.DeliveryId, address, recipient.Person, "", texts.Sms(batch, place, language), null),
            _ => new OutgoingMessage(newest.DeliveryId, null, null, "", "",
                new WebhookPayload(NotifyNames.Of(newest.Event), newest.Alert, texts.Link(newest.Alert.Id), now, newest.DeliveryId).ToJson()),
        };
    }

    /// <summary>A message that says only that the channel works, for <c>notify-test</c>.</summary>
    public OutgoingMessage Test(NotifyChannel channel, NotifyPerson? person, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var deliveryId = Notification.DeliveryIdOf($"test|{channel.Name}|{person?.Name}|{now.ToUnixTimeMilliseconds()}");
        var language = person?.Language ?? NotifyPerson.DefaultLanguage;
        var arguments = new Dictionary<string, string>
        {
            ["name"] = person?.Name ?? channel.Name,
            ["channel"] = channel.Name,
            ["time"] = TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        };
        return channel.Kind switch
        {
            ChannelKind.Email => new OutgoingMessage(deliveryId, person?.Email, person?.Name,
                catalogue.Format(language, "notify.email.test.subject", arguments), catalogue.Format(language, "notify.email.test.body", arguments), null),
            ChannelKind.Sms => new OutgoingMessage(deliveryId, person?.Phone, person?.Name, "",
                SmsLength.Truncate(catalogue.Format(language, "notify.sms.test", arguments)), null),
            _ => new OutgoingMessage(deliveryId, null, null, "", "", new WebhookPayload("test", null, plan.PublicUrl, now, deliveryId).ToJson()),
        };
    }
}
