using System.Globalization;
using System.Text;
using CampWater.Alerts;
using CampWater.Texts;

namespace CampWater.Notifications;

/// <summary>
/// The words of notifications, from the text catalogue in the recipient's language: one SMS that names
/// severity, kind, camp, tank and figure; an email with the subject <c>[CampWater] {SEVERITY} {kind} —
/// {camp} / {tank}</c> and a plain-text body with the message, value, threshold, the camp-local time and
/// the link to the alert in the inbox. A folded message says what happened meanwhile.
/// </summary>
public sealed class NotificationTexts(TextCatalogue catalogue, string? publicUrl)
{
    /// <summary>The inbox's address of an alert, or null when no public address is configured.</summary>
    public string? Link(string alertId) =>
        string.IsNullOrWhiteSpace(publicUrl) ? null : $"{publicUrl.TrimEnd('/')}/#/alerts/{Uri.EscapeDataString(alertId)}";

    /// <summary>One SMS: the full text when it fits, else without the link, else cut.</summary>
    public string Sms(MessageBatch batch, AlertPlace place, string language)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(place);
        var newest = batch.Newest;
        var key = newest.Event == NotifyEvent.Escalated ? "notify.sms.escalated" : "notify.sms.raised";
        var arguments = Arguments(newest.Alert, place, language);
        arguments["time"] = LocalTime(newest.DecidedAt, place.Zone, "HH:mm");
        var meanwhile = batch.IsFolded
            ? " " + catalogue.Format(language, "notify.sms.meanwhile", new Dictionary<string, string>
            {
                ["count"] = Number(batch.Notifications.Length - 1),
                ["since"] = LocalTime(batch.Notifications[0].DecidedAt, place.Zone, "HH:mm"),
                ["state"] = catalogue.Format(language, "state." + StateName(newest.Alert.State)),
            })
            : "";

        arguments["url"] = Link(newest.Alert.Id) ?? "";
        var full = Collapse(catalogue.Format(language, key, arguments)) + meanwhile;
        if (SmsLength.FitsOne(full))
        {
            return full;
        }

        arguments["url"] = "";
        return SmsLength.Truncate(Collapse(catalogue.Format(language, key, arguments)) + meanwhile);
    }

    public string EmailSubject(Alert alert, AlertPlace place, string language)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(place);
        var arguments = Arguments(alert, place, language);
        return catalogue.Format(language, "notify.email.subject", arguments);
    }

    public string EmailBody(MessageBatch batch, AlertPlace place, string language)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(place);
        var newest = batch.Newest;
        var alert = newest.Alert;
        var arguments = Arguments(alert, place, language);
        arguments["by"] = newest.Event == NotifyEvent.Acknowledged ? Actor(alert.AcknowledgedBy, language) : Actor(alert.ResolvedBy, language);
        var body = new StringBuilder();
        body.AppendLine(catalogue.Format(language, "notify.email." + NotifyNames.Of(newest.Event), arguments)).AppendLine();
        body.AppendLine(catalogue.Format(language, "notify.email.message", new Dictionary<string, string> { ["message"] = catalogue.Message(alert, language) }));
        if (alert.Value is { } value)
        {
            body.AppendLine(catalogue.Format(language, "notify.email.value", new Dictionary<string, string> { ["value"] = Figure(alert.Kind, value, language) }));
        }

        if (alert.Threshold is { } threshold)
        {
            body.AppendLine(catalogue.Format(language, "notify.email.threshold", new Dictionary<string, string> { ["threshold"] = Figure(alert.Kind, threshold, language) }));
        }

        body.AppendLine(catalogue.Format(language, "notify.email.time", new Dictionary<string, string>
        {
            ["time"] = LocalTime(newest.DecidedAt, place.Zone, "yyyy-MM-dd HH:mm"),
            ["zone"] = Zone(newest.DecidedAt, place.Zone),
        }));

        if (batch.IsFolded)
        {
            var events = batch.Meanwhile.GroupBy(n => n.Event).OrderBy(g => g.Key)
                .Select(g => catalogue.Format(language, "notify.email.meanwhile.event", new Dictionary<string, string>
                {
                    ["event"] = catalogue.Format(language, "event." + NotifyNames.Of(g.Key)),
                    ["count"] = Number(g.Count()),
                }));
            body.AppendLine().AppendLine(catalogue.Format(language, "notify.email.meanwhile", new Dictionary<string, string>
            {
                ["since"] = LocalTime(batch.Notifications[0].DecidedAt, place.Zone, "HH:mm"),
                ["events"] = string.Join(", ", events),
                ["state"] = catalogue.Format(language, "state." + StateName(alert.State)),
            }));
        }

        if (Link(alert.Id) is { } link)
        {
            body.AppendLine().AppendLine(catalogue.Format(language, "notify.email.link", new Dictionary<string, string> { ["url"] = link }));
        }

        body.AppendLine().AppendLine("-- ").AppendLine(catalogue.Format(language, "notify.email.footer"));
        return body.ToString();
    }

    /// <summary>The figure an alert is about, with its limit: <c>8 % (limit 10 %)</c>.</summary>
    public string Figure(Alert alert, string language)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.Value is not { } value)
        {
            return catalogue.Message(alert, language);
        }

        var arguments = new Dictionary<string, string> { ["value"] = Figure(alert.Kind, value, language) };
        if (alert.Threshold is not { } threshold)
        {
            return catalogue.Format(language, "notify.figure.value", arguments);
        }

        arguments["threshold"] = Figure(alert.Kind, threshold, language);
        return catalogue.Format(language, "notify.figure", arguments);
    }

    private Dictionary<string, string> Arguments(Alert alert, AlertPlace place, string language) => new(StringComparer.Ordinal)
    {
        ["severity"] = catalogue.Format(language, "severity." + NotifyNames.Of(alert.Severity)),
        ["kind"] = catalogue.Format(language, "kind." + NotifyNames.Of(alert.Kind)),
        ["camp"] = place.CampName,
        ["tank"] = place.TankName ?? catalogue.Format(language, "notify.camp-wide"),
        ["figure"] = Figure(alert, language),
        ["message"] = catalogue.Message(alert, language),
    };

    private string Figure(AlertKind kind, double value, string language)
    {
        var unit = "unit." + NotifyNames.Of(kind);
        var template = catalogue.Has(language, unit) || catalogue.Has(TextCatalogue.Fallback, unit) ? unit : "unit.other";
        var number = kind == AlertKind.NightDraw
            ? value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("0.#", CultureInfo.InvariantCulture);
        return catalogue.Format(language, template, new Dictionary<string, string> { ["n"] = number });
    }

    private string Actor(string? name, string language) =>
        name is null or AlertBook.SystemActor ? catalogue.Format(language, "notify.system") : name;

    private static string StateName(AlertState state) => state switch
    {
        AlertState.Active => "active",
        AlertState.Acknowledged => "acknowledged",
        _ => "resolved",
    };

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string LocalTime(DateTimeOffset at, TimeZoneInfo zone, string format) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString(format, CultureInfo.InvariantCulture);

    private static string Zone(DateTimeOffset at, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(at);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return string.Create(CultureInfo.InvariantCulture, $"{zone.Id}, UTC{sign}{offset.Duration():hh\\:mm}");
    }

    // A template with an empty argument (no link) must not leave a double or trailing space.
    private static string Collapse(string text)
    {
        var collapsed = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (c != ' ' || collapsed.Length == 0 || collapsed[^1] != ' ')
            {
                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }
}
