using CampWater.Notifications;

namespace CampWater.Silo.Notifications;

/// <summary>
/// Reads a rule's <c>Notify</c> entries: a person's name (every channel they have an address for),
/// <c>channel:person</c>, or a webhook channel's name. One reading, used by the start-up check and by
/// the plan, so the two cannot disagree.
/// </summary>
internal static class NotifyTargets
{
    public static IReadOnlyList<Recipient> Resolve(string target, IReadOnlyList<NotifyPerson> people, IReadOnlyList<NotifyChannel> channels, out string? problem)
    {
        problem = null;
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var channelName = target[..colon];
            var personName = target[(colon + 1)..];
            var channel = channels.FirstOrDefault(c => c.Name == channelName);
            var person = people.FirstOrDefault(p => p.Name == personName);
            if (channel is null)
            {
                problem = $"names the channel '{channelName}', which is not in CampWater:Notify:Channels ({Names(channels.Select(c => c.Name))}).";
            }
            else if (person is null)
            {
                problem = $"names the person '{personName}', who is not in CampWater:Notify:People ({Names(people.Select(p => p.Name))}).";
            }
            else if (channel.Kind == ChannelKind.Webhook)
            {
                problem = $"sends to a person on the webhook '{channelName}'; a webhook is named alone: '{channelName}'.";
            }
            else if (person.AddressFor(channel.Kind) is null)
            {
                problem = $"sends {NotifyNames.Of(channel.Kind)} to '{personName}', who has no {(channel.Kind == ChannelKind.Sms ? "Phone" : "Email")}.";
            }
            else
            {
                return [new Recipient(channel.Name, channel.Kind, person.Name)];
            }

            return [];
        }

        var named = people.FirstOrDefault(p => p.Name == target);
        var webhook = channels.FirstOrDefault(c => c.Name == target);
        if (named is not null && webhook is not null)
        {
            problem = $"'{target}' is both a person and a channel; write 'channel:person' for the person.";
            return [];
        }

        if (webhook is not null)
        {
            if (webhook.Kind != ChannelKind.Webhook)
            {
                problem = $"names the {NotifyNames.Of(webhook.Kind)} channel '{target}' alone; name a person on it, such as '{target}:{people.FirstOrDefault()?.Name ?? "amina"}'.";
                return [];
            }

            return [new Recipient(webhook.Name, ChannelKind.Webhook, null)];
        }

        if (named is null)
        {
            problem = $"names '{target}', who is not in CampWater:Notify:People ({Names(people.Select(p => p.Name))}) nor a webhook channel.";
            return [];
        }

        var recipients = channels
            .Where(c => c.Kind != ChannelKind.Webhook && named.AddressFor(c.Kind) is not null)
            .Select(c => new Recipient(c.Name, c.Kind, named.Name))
            .ToList();
        if (recipients.Count == 0)
        {
            problem = $"names '{target}', who has no address for any configured channel (an email channel needs their Email, an sms channel their Phone).";
        }

        return recipients;
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "there are none" : string.Join(", ", list);
    }
}
