namespace CampWater.Silo.Notifications.Channels;

/// <summary>
/// The request an SMS gateway takes. Gateways differ only in this; a new one is a new format, the
/// channel (authentication, timeout, reading the answer) stays.
/// </summary>
public interface ISmsGatewayFormat
{
    HttpRequestMessage CreateRequest(Uri url, IReadOnlyList<string> phoneNumbers, string message);
}
