using CampWater.Notifications;
using CampWater.Silo.Notifications.Channels;

namespace CampWater.Silo.Notifications;

/// <summary>Makes the configured channels, by name. The options must have passed <see cref="NotifyOptionsValidation"/>.</summary>
public static class NotificationChannels
{
    public static IReadOnlyDictionary<string, INotificationChannel> Create(NotifyOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        var channels = new Dictionary<string, INotificationChannel>(StringComparer.Ordinal);
        foreach (var c in options.Channels)
        {
            var timeout = TimeSpan.FromSeconds(c.TimeoutSeconds);
            NotifyNames.TryParse<ChannelKind>(c.Kind, out var kind);
            channels[c.Name!] = kind switch
            {
                ChannelKind.Email => new EmailChannel(c.Name!, c.Smtp, timeout),
                ChannelKind.Sms => new SmsGatewayChannel(c.Name!, new Uri(c.Url!), c.Username, c.Password, http, timeout),
                _ => new WebhookChannel(c.Name!, new Uri(c.Url!), c.Secret!, http, timeout),
            };
        }

        return channels;
    }
}
