using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>
/// Who is told of an alert change, decided in the turn that changes the alert (pure: the plan, the
/// alert before and after, the time and the camp's zone come in; the notifications go out).
/// <list type="bullet">
/// <item><c>raised</c>: every channel of every rule that matches and is not an escalation step;</item>
/// <item><c>escalated</c> (severity rose, or the 15-minute re-send): every rule that matches the new
/// severity and whose step has been reached, so a rule for critical alerts hears of a warning that
/// became critical;</item>
/// <item><c>acknowledged</c>, <c>resolved</c>: by email and webhook to whoever was told, never by SMS
/// (it costs money and nobody needs to act on it).</item>
/// </list>
/// Escalation steps (<c>AfterMinutes</c>) are fired by <see cref="EscalationSteps"/> on the camp's clock.
/// </summary>
public static class NotifyRouting
{
    /// <summary>The step of acknowledged and resolved notifications, which follow the alert rather than a rule.</summary>
    public const int FollowUpStep = -1;

    /// <summary>What one change of an alert tells whom; <paramref name="told"/> is everyone told of it so far.</summary>
    public static IReadOnlyList<Notification> OnChange(
        NotifyPlan plan,
        Alert? before,
        Alert after,
        IReadOnlyCollection<Recipient> told,
        DateTimeOffset now,
        TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(after);
        var decided = new List<Notification>();
        if (before is null)
        {
            if (after.IsOpen)
            {
                foreach (var rule in plan.Rules.Where(r => !r.IsEscalationStep && Matches(r, after)))
                {
                    AddForRule(decided, rule, after, NotifyEvent.Raised, 0, now, zone);
                }
            }
        }
        else if (after.IsOpen && (after.Severity > before.Severity || after.Escalations > before.Escalations))
        {
            // An escalation can happen more than once: its time tells the occurrences apart.
            var occurrence = now.ToUnixTimeMilliseconds();
            foreach (var rule in plan.Rules.Where(r => Matches(r, after) && StepReached(r, after, now)))
            {
                AddForRule(decided, rule, after, NotifyEvent.Escalated, occurrence, now, zone);
            }
        }

        if (before is { State: AlertState.Active } && after.State == AlertState.Acknowledged)
        {
            decided.AddRange(FollowUps(plan, after, NotifyEvent.Acknowledged, told, now));
        }
        else if (before is { IsOpen: true } && after.State == AlertState.Resolved)
        {
            decided.AddRange(FollowUps(plan, after, NotifyEvent.Resolved, told, now));
        }

        // Two rules may name the same person: one message each, from the first rule that names them.
        return decided.DistinctBy(n => (n.Event, n.Recipient)).ToList();
    }

    /// <summary>
    /// True once an escalation step's time has come while the alert was still unacknowledged and open;
    /// a rule that is not a step is reached at once.
    /// </summary>
    public static bool StepReached(NotifyRule rule, Alert alert, DateTimeOffset now)
    {
        if (!rule.IsEscalationStep)
        {
            return true;
        }

        var due = alert.RaisedAt + rule.After;
        return now >= due
            && (alert.AcknowledgedAt is not { } acknowledged || acknowledged > due)
            && (alert.ResolvedAt is not { } resolved || resolved > due);
    }

    public static bool Matches(NotifyRule rule, Alert alert) => rule.Matches(alert.CampId, alert.Kind, alert.Severity);

    /// <summary>
    /// Acknowledged and resolved: each person told on any channel hears by each email channel they have an
    /// address for; each webhook told hears again; nobody by SMS. Step -1: not a rule's step but a follow-up.
    /// </summary>
    public static IReadOnlyList<Notification> FollowUps(NotifyPlan plan, Alert alert, NotifyEvent notifyEvent, IReadOnlyCollection<Recipient> told, DateTimeOffset now)
    {
        var recipients = new List<Recipient>();
        foreach (var recipient in told)
        {
            if (recipient.Person is null)
            {
                if (recipient.Kind == ChannelKind.Webhook)
                {
                    recipients.Add(recipient);
                }

                continue;
            }

            if (plan.Person(recipient.Person) is not { Email: not null } person)
            {
                continue;
            }

            foreach (var channel in plan.Channels.Where(c => c.Kind == ChannelKind.Email))
            {
                recipients.Add(new Recipient(channel.Name, ChannelKind.Email, person.Name));
            }
        }

        return recipients.Distinct()
            .Select(r => Notification.Create(alert, notifyEvent, 0, FollowUpStep, r, now, now))
            .ToList();
    }

    internal static void AddForRule(
        List<Notification> decided,
        NotifyRule rule,
        Alert alert,
        NotifyEvent notifyEvent,
        long occurrence,
        DateTimeOffset now,
        TimeZoneInfo zone)
    {
        var notBefore = QuietHold.ReleaseAt(rule.QuietHours, alert.Severity, now, zone);
        foreach (var recipient in rule.Recipients)
        {
            decided.Add(Notification.Create(alert, notifyEvent, occurrence, rule.Index, recipient, now, notBefore));
        }
    }
}
