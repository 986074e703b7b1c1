using System.Collections.Immutable;

namespace CampWater.Notifications.Decisions;

/// <summary>
/// The escalation chain of the README: Amina (field worker, SMS and email) at once, Omar (WASH officer,
/// email) after 30 minutes unacknowledged, Layla (manager, SMS) after 60, and the ops webhook at once.
/// </summary>
internal static class TestPlans
{
    public static readonly NotifyPerson Amina = new("amina", "amina@example.org", "+963944123456", "en");
    public static readonly NotifyPerson Omar = new("omar", "omar@example.org", null, "en");
    public static readonly NotifyPerson Layla = new("layla", null, "+963944654321", "en");

    public static readonly Recipient AminaSms = new("sms", ChannelKind.Sms, "amina");
    public static readonly Recipient AminaEmail = new("email", ChannelKind.Email, "amina");
    public static readonly Recipient OmarEmail = new("email", ChannelKind.Email, "omar");
    public static readonly Recipient LaylaSms = new("sms", ChannelKind.Sms, "layla");
    public static readonly Recipient Ops = new("ops", ChannelKind.Webhook, null);

    public static NotifyPlan Chain(string? quietHours = null, AlertSeverity minSeverity = AlertSeverity.Warning) => new(
        "https://campwater.example.org",
        [Amina, Omar, Layla],
        [new NotifyChannel("email", ChannelKind.Email), new NotifyChannel("sms", ChannelKind.Sms), new NotifyChannel("ops", ChannelKind.Webhook)],
        [
            Rule(0, [AminaSms, AminaEmail, Ops], 0, quietHours, minSeverity),
            Rule(1, [OmarEmail], 30, quietHours, minSeverity),
            Rule(2, [LaylaSms], 60, quietHours, minSeverity),
        ]);

    public static NotifyRule Rule(
        int index,
        ImmutableArray<Recipient> recipients,
        int afterMinutes = 0,
        string? quietHours = null,
        AlertSeverity minSeverity = AlertSeverity.Warning,
        ImmutableArray<string>? camps = null,
        ImmutableArray<string>? kinds = null) =>
        new(index, camps ?? ["*"], kinds ?? ["*"], minSeverity, recipients, afterMinutes, quietHours);

    public static NotifyPlan With(params NotifyRule[] rules) => Chain() with { Rules = [.. rules] };
}
