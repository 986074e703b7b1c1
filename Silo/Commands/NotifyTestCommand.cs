using CampWater.Notifications;
using CampWater.Silo.Hosting;
using CampWater.Silo.Notifications;
using CampWater.Texts;

namespace CampWater.Silo.Commands;

/// <summary>
/// <c>Silo notify-test --channel sms --to amina</c>: sends one test message through a configured channel,
/// with the same configuration the host reads (appsettings, environment, the command line), and prints
/// the server's answer. The way to check a gateway, an SMTP account or a webhook before an alert needs it.
/// </summary>
public static class NotifyTestCommand
{
    public const string Name = "notify-test";

    public const string Usage = """
        Usage: Silo notify-test --channel NAME [--to PERSON] [--Key=value ...]

          --channel NAME   a channel of CampWater:Notify:Channels, by name, or by kind (email, sms,
                           webhook) when only one channel has that kind
          --to PERSON      a person of CampWater:Notify:People (not for a webhook)
          --Key=value      any configuration key, as for the host (--CampWater:Notify:PublicUrl=...)

          Exit code 0 when the server accepted the message, 1 when it did not, 2 for bad arguments.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken, HttpClient? http = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        string? channelName = null;
        string? personName = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    await output.WriteLineAsync(Usage);
                    return 0;
                case "--channel" when i + 1 < args.Length:
                    channelName = args[++i];
                    break;
                case "--to" when i + 1 < args.Length:
                    personName = args[++i];
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        if (channelName is null)
        {
            await error.WriteLineAsync("notify-test: --channel is required.");
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var configuration = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. rest] }).Configuration;
        var options = configuration.GetSection($"{CampWaterOptions.Section}:Notify").Get<NotifyOptions>() ?? new NotifyOptions();
        var problems = NotifyOptionsValidation.Problems(options);
        if (problems.Count > 0)
        {
            await error.WriteLineAsync("notify-test: the configuration is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
            return 2;
        }

        var plan = NotifyOptionsValidation.ToPlan(options);
        if (!TryFindChannel(plan, channelName, out var channel, out var problem))
        {
            await error.WriteLineAsync($"notify-test: {problem}");
            return 2;
        }

        NotifyPerson? person = null;
        if (channel.Kind != ChannelKind.Webhook)
        {
            person = personName is null ? null : plan.Person(personName);
            if (person is null)
            {
                var known = string.Join(", ", plan.People.Select(p => p.Name));
                await error.WriteLineAsync(personName is null
                    ? $"notify-test: --to is required for the {NotifyNames.Of(channel.Kind)} channel '{channel.Name}' (people: {known})."
                    : $"notify-test: '{personName}' is not in CampWater:Notify:People (people: {known}).");
                return 2;
            }

            if (person.AddressFor(channel.Kind) is null)
            {
                await error.WriteLineAsync($"notify-test: '{person.Name}' has no {(channel.Kind == ChannelKind.Sms ? "Phone" : "Email")} for the channel '{channel.Name}'.");
                return 2;
            }
        }

        using var ownHttp = http is null ? new HttpClient() : null;
        var channels = NotificationChannels.Create(options, http ?? ownHttp!);
        var composer = new MessageComposer(plan, new NotificationTexts(TextCatalogue.Embedded, plan.PublicUrl), TextCatalogue.Embedded);
        var message = composer.Test(channel, person, TimeZoneInfo.Local, TimeProvider.System.GetUtcNow());
        var to = person is null ? "" : $" to {person.Name} ({person.AddressFor(channel.Kind)})";
        await output.WriteLineAsync($"notify-test: sending through {NotifyNames.Of(channel.Kind)} channel '{channel.Name}'{to}, delivery {message.DeliveryId}");
        var started = TimeProvider.System.GetTimestamp();
        var answer = await channels[channel.Name].SendAsync(message, cancellationToken);
        var took = TimeProvider.System.GetElapsedTime(started);
        await output.WriteLineAsync($"notify-test: {(answer.Delivered ? "delivered" : "NOT delivered")} in {took.TotalMilliseconds:0} ms: {answer.Detail}");
        return answer.Delivered ? 0 : 1;
    }

    public static Task<int> RunFromConsoleAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return RunAsync(args, Console.Out, Console.Error, stop.Token);
    }

    private static bool TryFindChannel(NotifyPlan plan, string name, out NotifyChannel channel, out string problem)
    {
        problem = "";
        if (plan.Channel(name) is { } named)
        {
            channel = named;
            return true;
        }

        channel = null!;
        if (NotifyNames.TryParse<ChannelKind>(name, out var kind))
        {
            var ofKind = plan.Channels.Where(c => c.Kind == kind).ToList();
            if (ofKind.Count == 1)
            {
                channel = ofKind[0];
                return true;
            }

            problem = ofKind.Count == 0
                ? $"no {name} channel is configured in CampWater:Notify:Channels."
                : $"several {name} channels are configured ({string.Join(", ", ofKind.Select(c => c.Name))}); give one by name.";
            return false;
        }

        problem = $"no channel '{name}' in CampWater:Notify:Channels ({string.Join(", ", plan.Channels.Select(c => c.Name))}).";
        return false;
    }
}
