using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CampWater.Alerts;
using CampWater.Notifications;
using CampWater.Registry;
using MimeKit;

namespace CampWater.Silo.Notifications;

/// <summary>The <c>CampWater:Notify</c> keys, checked at start with one message per problem naming the key; and the plan they make.</summary>
internal static partial class NotifyOptionsValidation
{
    public const string Section = "CampWater:Notify";

    public static readonly ImmutableArray<string> Languages = ["en", "ar", "fr"];

    private const int MinSecretLength = 16;

    private const int MaxAfterMinutes = 7 * 24 * 60;

    public static IReadOnlyList<string> Problems(NotifyOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var problems = new List<string>();
        if (o.PublicUrl is { } publicUrl && !IsHttpUrl(publicUrl))
        {
            problems.Add($"{Section}:PublicUrl is '{publicUrl}': give the dashboard's http:// or https:// address as people reach it.");
        }

        var people = CheckPeople(o.People, problems);
        var channels = CheckChannels(o.Channels, problems);
        for (var i = 0; i < o.Rules.Count; i++)
        {
            CheckRule($"{Section}:Rules:{i}", o.Rules[i], people, channels, problems);
        }

        return problems;
    }

    /// <summary>The plan of options that <see cref="Problems"/> found nothing wrong with.</summary>
    public static NotifyPlan ToPlan(NotifyOptions o)
    {
        var problems = Problems(o);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The notification settings are invalid: " + string.Join(" ", problems));
        }

        var people = o.People.Select(Person).ToImmutableArray();
        var channels = o.Channels.Select(Channel).ToImmutableArray();
        var rules = o.Rules.Select((r, i) => new NotifyRule(
            i,
            OrAny(r.Camps),
            OrAny(r.Kinds),
            Severity(r.MinSeverity),
            [.. r.Notify!.SelectMany(t => NotifyTargets.Resolve(t.Trim(), people, channels, out _)).Distinct()],
            r.AfterMinutes,
            string.IsNullOrWhiteSpace(r.QuietHours) ? null : r.QuietHours.Trim()));
        return new NotifyPlan(o.PublicUrl, people, channels, [.. rules]);
    }

    /// <summary>E.164: a plus, a country code that does not start with 0, at most 15 digits in all.</summary>
    public static bool IsE164(string? phone) => phone is not null && E164().IsMatch(phone);

    private static List<NotifyPerson> CheckPeople(List<NotifyPersonOptions> people, List<string> problems)
    {
        var valid = new List<NotifyPerson>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < people.Count; i++)
        {
            var key = $"{Section}:People:{i}";
            var p = people[i];
            var named = CheckName($"{key}:Name", p.Name, seen, problems);
            if (p.Email is { } email && !IsEmail(email))
            {
                problems.Add($"{key}:Email is '{email}': give an address such as amina@example.org.");
            }

            if (p.Phone is { } phone && !IsE164(phone))
            {
                problems.Add($"{key}:Phone is '{phone}': give it in E.164, a '+', the country code and the number without spaces (+963944123456).");
            }

            if (string.IsNullOrWhiteSpace(p.Email) && string.IsNullOrWhiteSpace(p.Phone))
            {
                problems.Add($"{key} ('{p.Name}') has neither Email nor Phone, so no channel can reach them.");
            }

            if (p.Language is { } language && !Languages.Contains(language))
            {
                problems.Add($"{key}:Language is '{language}': use {string.Join(", ", Languages)}.");
            }

            // A bad address is said once, above; the rules that name the person are still read, so
            // that one mistake does not read as several.
            if (named)
            {
                valid.Add(Person(p));
            }
        }

        return valid;
    }

    private static List<NotifyChannel> CheckChannels(List<NotifyChannelOptions> channels, List<string> problems)
    {
        var valid = new List<NotifyChannel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < channels.Count; i++)
        {
            var key = $"{Section}:Channels:{i}";
            var c = channels[i];
            var named = CheckName($"{key}:Name", c.Name, seen, problems);
            if (!NotifyNames.TryParse<ChannelKind>(c.Kind, out var kind))
            {
                problems.Add($"{key}:Kind is '{c.Kind}': use {string.Join(", ", NotifyNames.All<ChannelKind>())}.");
                continue;
            }

            if (c.TimeoutSeconds is < 1 or > 300)
            {
                problems.Add($"{key}:TimeoutSeconds is {c.TimeoutSeconds}: use 1 to 300.");
            }

            switch (kind)
            {
                case ChannelKind.Email:
                    CheckSmtp($"{key}:Smtp", c.Smtp, problems);
                    break;
                case ChannelKind.Sms:
                    CheckUrl($"{key}:Url", c.Url, "the SMS gateway's send address", problems);
                    if (string.IsNullOrEmpty(c.Username) != string.IsNullOrEmpty(c.Password))
                    {
                        problems.Add($"{key}: give both Username and Password for the gateway's basic authentication, or neither.");
                    }

                    break;
                default:
                    CheckUrl($"{key}:Url", c.Url, "the receiver's address", problems);
                    if (string.IsNullOrEmpty(c.Secret) || c.Secret.Length < MinSecretLength)
                    {
                        problems.Add($"{key}:Secret must be at least {MinSecretLength} characters: receivers check the X-CampWater-Signature made with it.");
                    }

                    break;
            }

            if (named)
            {
                valid.Add(new NotifyChannel(c.Name!, kind));
            }
        }

        return valid;
    }

    private static void CheckSmtp(string key, SmtpOptions smtp, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            problems.Add($"{key}:Host is required for an email channel: the SMTP submission server.");
        }

        if (smtp.Port is { } port and (< 1 or > 65535))
        {
            problems.Add($"{key}:Port is {port}: use a TCP port from 1 to 65535 (587 for submission, 465 for TLS at once).");
        }

        if (string.IsNullOrWhiteSpace(smtp.From) || !IsEmail(smtp.From))
        {
            problems.Add($"{key}:From is '{smtp.From}': give the sender, such as 'CampWater <alerts@example.org>'.");
        }

        if (string.IsNullOrEmpty(smtp.Username) != string.IsNullOrEmpty(smtp.Password))
        {
            problems.Add($"{key}: give both Username and Password to sign in to the SMTP server, or neither.");
        }
    }

    private static void CheckRule(string key, NotifyRuleOptions r, List<NotifyPerson> people, List<NotifyChannel> channels, List<string> problems)
    {
        foreach (var camp in r.Camps ?? [])
        {
            if (camp != NotifyRule.Any && !RegistryId.IsValid(camp))
            {
                problems.Add($"{key}:Camps has '{camp}': give camp ids or '*'; an id {RegistryId.Rule}.");
            }
        }

        var kinds = NotifyNames.All<AlertKind>().ToList();
        foreach (var kind in r.Kinds ?? [])
        {
            if (kind != NotifyRule.Any && !kinds.Contains(kind))
            {
                problems.Add($"{key}:Kinds has '{kind}': use '*' or alert kinds ({string.Join(", ", kinds)}).");
            }
        }

        if (r.MinSeverity is { } severity && !NotifyNames.TryParse<AlertSeverity>(severity, out _))
        {
            problems.Add($"{key}:MinSeverity is '{severity}': use info, warning or critical.");
        }

        if (r.Notify is not { Count: > 0 })
        {
            problems.Add($"{key}:Notify is empty: name people, 'channel:person' or webhook channels.");
        }
        else
        {
            for (var j = 0; j < r.Notify.Count; j++)
            {
                NotifyTargets.Resolve(r.Notify[j].Trim(), people, channels, out var problem);
                if (problem is not null)
                {
                    problems.Add($"{key}:Notify:{j} {problem}");
                }
            }
        }

        if (r.AfterMinutes is < 0 or > MaxAfterMinutes)
        {
            problems.Add($"{key}:AfterMinutes is {r.AfterMinutes}: use 0 (at once) to {MaxAfterMinutes} (a week).");
        }

        if (r.QuietHours is { } quiet && !string.IsNullOrWhiteSpace(quiet)
            && !QuietHold.IsValid(quiet.Trim()))
        {
            problems.Add($"{key}:QuietHours is '{quiet}': give camp-local HH:mm-HH:mm with different ends, such as '22:00-06:00'.");
        }
    }

    private static bool CheckName(string key, string? name, HashSet<string> seen, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains(':', StringComparison.Ordinal) || name != name.Trim())
        {
            problems.Add($"{key} is '{name}': a name is required, without ':' or surrounding spaces.");
            return false;
        }

        if (!seen.Add(name))
        {
            problems.Add($"{key} '{name}' is given twice; names must be unique.");
            return false;
        }

        return true;
    }

    private static void CheckUrl(string key, string? url, string what, List<string> problems)
    {
        if (!IsHttpUrl(url))
        {
            problems.Add($"{key} is '{url}': give {what}, an http:// or https:// URL.");
        }
    }

    private static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    // The parser that sends the mail decides what an address is; "Name <a@b>" is allowed where a sender is given.
    private static bool IsEmail(string text) =>
        MailboxAddress.TryParse(text, out var address) && address.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Address.Length - 1;

    private static NotifyPerson Person(NotifyPersonOptions p) =>
        new(p.Name!, NullIfBlank(p.Email), NullIfBlank(p.Phone), p.Language ?? NotifyPerson.DefaultLanguage);

    private static NotifyChannel Channel(NotifyChannelOptions c) =>
        new(c.Name!, NotifyNames.TryParse<ChannelKind>(c.Kind, out var kind) ? kind : throw new InvalidOperationException($"Unchecked channel kind '{c.Kind}'."));

    private static AlertSeverity Severity(string? text) =>
        text is null ? AlertSeverity.Warning : NotifyNames.TryParse<AlertSeverity>(text, out var s) ? s : AlertSeverity.Warning;

    private static ImmutableArray<string> OrAny(List<string>? list) =>
        list is { Count: > 0 } ? [.. list.Select(x => x.Trim())] : [NotifyRule.Any];

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
