using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>
/// The escalation chain: a rule with <c>AfterMinutes</c> N tells its recipients that the alert was raised,
/// N minutes after it was, but only while nobody has acknowledged it — from the camp's field worker to
/// the WASH officer to the manager. Driven by the camp's wall clock; a step fires once.
/// </summary>
public static class EscalationSteps
{
    /// <summary>
    /// The steps due by <paramref name="now"/> that have not fired yet (<paramref name="fired"/> holds rule
    /// indexes), to their recipients who have not been told of the alert already (<paramref name="told"/>).
    /// </summary>
    public static IReadOnlyList<Notification> Due(
        NotifyPlan plan,
        Alert alert,
        IReadOnlySet<int> fired,
        IReadOnlyCollection<Recipient> told,
        DateTimeOffset now,
        TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(told);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(alert);
        var decided = new List<Notification>();
        if (alert.State != AlertState.Active)
        {
            return decided;
        }

        foreach (var rule in Pending(plan, alert, fired).Where(r => NotifyRouting.StepReached(r, alert, now)))
        {
            NotifyRouting.AddForRule(decided, rule, alert, NotifyEvent.Raised, 0, now, zone);
        }

        return decided.Where(n => !told.Contains(n.Recipient)).DistinctBy(n => n.Recipient).ToList();
    }

    /// <summary>When the next step of this alert falls due, or null when none is left (or it was acknowledged or resolved).</summary>
    public static DateTimeOffset? NextDue(NotifyPlan plan, Alert alert, IReadOnlySet<int> fired)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(alert);
        if (alert.State != AlertState.Active)
        {
            return null;
        }

        return Pending(plan, alert, fired).Select(r => (DateTimeOffset?)(alert.RaisedAt + r.After)).Min();
    }

    private static IEnumerable<NotifyRule> Pending(NotifyPlan plan, Alert alert, IReadOnlySet<int> fired) =>
        plan.Rules.Where(r => r.IsEscalationStep && !fired.Contains(r.Index) && NotifyRouting.Matches(r, alert));
}
