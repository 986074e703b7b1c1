using System.Net.Http.Headers;
using System.Text;
using CampWater.Notifications;

namespace CampWater.Silo.Notifications.Channels;

/// <summary>SMS through an HTTP gateway with basic authentication; a 2xx answer is delivered.</summary>
public sealed class SmsGatewayChannel(string name, Uri url, string? username, string? password, HttpClient http, TimeSpan timeout, ISmsGatewayFormat? format = null)
    : INotificationChannel
{
    private readonly ISmsGatewayFormat _format = format ?? PhoneGatewayFormat.Instance;

    public string Name => name;

    public ChannelKind Kind => ChannelKind.Sms;

    public async Task<DeliveryAnswer> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrEmpty(message.Address))
        {
            return DeliveryAnswer.Refused("no phone number");
        }

        using var request = _format.CreateRequest(url, [message.Address], message.Text);
        if (!string.IsNullOrEmpty(username))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}")));
        }

        return await HttpDelivery.SendAsync(http, request, timeout, cancellationToken).ConfigureAwait(false);
    }
}
