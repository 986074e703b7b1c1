using System.Collections.Immutable;

namespace CampWater.Notifications;

/// <summary>
/// Who can be told, through which channels, and the rules that route alerts to them: the validated
/// notification configuration. Empty when nothing is configured, and then nobody is told anything.
/// </summary>
public sealed record NotifyPlan(
    string? PublicUrl,
    ImmutableArray<NotifyPerson> People,
    ImmutableArray<NotifyChannel> Channels,
    ImmutableArray<NotifyRule> Rules)
{
    public static NotifyPlan Empty { get; } = new(null, [], [], []);

    public NotifyPerson? Person(string name) => People.FirstOrDefault(p => p.Name == name);

    public NotifyChannel? Channel(string name) => Channels.FirstOrDefault(c => c.Name == name);

    /// <summary>The language a recipient reads: the person's, English for a webhook.</summary>
    public string LanguageOf(Recipient recipient) =>
        recipient.Person is { } name && Person(name) is { } person ? person.Language : NotifyPerson.DefaultLanguage;

    /// <summary>The address a recipient is reached at: the person's email or phone; null for a webhook (its URL is the channel's).</summary>
    public string? AddressOf(Recipient recipient) =>
        recipient.Person is { } name && Person(name) is { } person ? person.AddressFor(recipient.Kind) : null;
}
