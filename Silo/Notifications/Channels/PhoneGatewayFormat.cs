using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampWater.Silo.Notifications.Channels;

/// <summary>
/// The local API of the common Android SMS-gateway apps (a phone on the camp network sends the SMS):
/// <c>POST {Url}</c> with <c>{ "phoneNumbers": ["+963…"], "message": "…" }</c>.
/// </summary>
public sealed class PhoneGatewayFormat : ISmsGatewayFormat
{
    public static PhoneGatewayFormat Instance { get; } = new();

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        // Arabic stays readable in the gateway's log instead of \u escapes; it is JSON all the same.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public HttpRequestMessage CreateRequest(Uri url, IReadOnlyList<string> phoneNumbers, string message) =>
        new(HttpMethod.Post, url) { Content = JsonContent.Create(new Body(phoneNumbers, message), options: s_json) };

    private sealed record Body(
        [property: JsonPropertyName("phoneNumbers")] IReadOnlyList<string> PhoneNumbers,
        [property: JsonPropertyName("message")] string Message);
}
