using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CampWater.Notifications;

namespace CampWater.Silo.Notifications.Channels;

/// <summary>
/// A signed POST to any HTTP receiver: <c>X-CampWater-Delivery</c> is the delivery id (the same on every
/// retry, so a receiver can drop repeats) and <c>X-CampWater-Signature</c> is <c>sha256=</c> and the hex
/// HMAC-SHA256 of the exact body bytes with the channel's secret.
/// </summary>
public sealed class WebhookChannel(string name, Uri url, string secret, HttpClient http, TimeSpan timeout) : INotificationChannel
{
    public const string DeliveryHeader = "X-CampWater-Delivery";

    public const string SignatureHeader = "X-CampWater-Signature";

    public string Name => name;

    public ChannelKind Kind => ChannelKind.Webhook;

    public async Task<DeliveryAnswer> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = Encoding.UTF8.GetBytes(message.Json ?? "{}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
        request.Headers.Add(DeliveryHeader, message.DeliveryId);
        request.Headers.Add(SignatureHeader, Signature(secret, body));
        return await HttpDelivery.SendAsync(http, request, timeout, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of <paramref name="body"/>.</summary>
    public static string Signature(string secret, ReadOnlySpan<byte> body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
