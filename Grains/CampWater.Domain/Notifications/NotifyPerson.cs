namespace CampWater.Notifications;

/// <summary>Someone who can be notified: the addresses they have and the language they read.</summary>
public sealed record NotifyPerson(string Name, string? Email, string? Phone, string Language)
{
    public const string DefaultLanguage = "en";

    /// <summary>The address this person has for a kind of channel, or null; webhooks are not personal.</summary>
    public string? AddressFor(ChannelKind kind) => kind switch
    {
        ChannelKind.Email => Email,
        ChannelKind.Sms => Phone,
        _ => null,
    };
}
