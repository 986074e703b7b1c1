using static CampWater.Notifications.Decisions.TestAlerts;
using static CampWater.Notifications.Decisions.TestPlans;

namespace CampWater.Notifications.Decisions;

/// <summary>The chain Amina → Omar after 30 minutes → Layla after 60, for an alert raised at 02:14 that nobody acknowledges.</summary>
public sealed class EscalationStepTests
{
    private static readonly Alert s_alert = LowLevel(raisedAt: "2026-11-29T02:14:00+03:00");
    private static readonly DateTimeOffset s_raised = s_alert.RaisedAt;

    private static IReadOnlyList<Notification> Due(Alert alert, TimeSpan after, params int[] fired) =>
        EscalationSteps.Due(Chain(), alert, fired.ToHashSet(), [], s_raised + after, Damascus);

    [Fact]
    public void The_30_minute_step_does_not_fire_at_29_min_59_s()
    {
        Assert.Empty(Due(s_alert, TimeSpan.FromSeconds((29 * 60) + 59)));
    }

    [Fact]
    public void The_30_minute_step_fires_at_30_minutes_to_omar_by_email_as_raised_step_1()
    {
        var step = Assert.Single(Due(s_alert, TimeSpan.FromMinutes(30)));

        Assert.Equal(OmarEmail, step.Recipient);
        Assert.Equal(NotifyEvent.Raised, step.Event);
        Assert.Equal(1, step.Step);
    }

    [Fact]
    public void An_alert_acknowledged_at_29_minutes_does_not_escalate_at_30_or_60()
    {
        var acknowledged = s_alert.Acknowledged(s_raised.AddMinutes(29));

        Assert.Empty(Due(acknowledged, TimeSpan.FromMinutes(30)));
        Assert.Empty(Due(acknowledged, TimeSpan.FromMinutes(60)));
        Assert.Null(EscalationSteps.NextDue(Chain(), acknowledged, new HashSet<int>()));
    }

    [Fact]
    public void An_alert_resolved_at_10_minutes_escalates_no_further()
    {
        var resolved = s_alert.Resolved(s_raised.AddMinutes(10));

        Assert.Empty(Due(resolved, TimeSpan.FromMinutes(61)));
    }

    [Fact]
    public void A_fired_30_minute_step_does_not_fire_again_and_the_60_minute_step_fires_at_60_to_layla()
    {
        Assert.Empty(Due(s_alert, TimeSpan.FromMinutes(45), 1));

        var step = Assert.Single(Due(s_alert, TimeSpan.FromMinutes(60), 1));
        Assert.Equal(LaylaSms, step.Recipient);
        Assert.Equal(2, step.Step);
    }

    [Fact]
    public void A_check_late_at_75_minutes_fires_both_the_30_and_60_minute_steps()
    {
        Assert.Equal([OmarEmail, LaylaSms], Due(s_alert, TimeSpan.FromMinutes(75)).Select(n => n.Recipient));
    }

    [Fact]
    public void The_next_step_falls_due_at_30_minutes_then_at_60_then_never()
    {
        Assert.Equal(s_raised.AddMinutes(30), EscalationSteps.NextDue(Chain(), s_alert, new HashSet<int>()));
        Assert.Equal(s_raised.AddMinutes(60), EscalationSteps.NextDue(Chain(), s_alert, new HashSet<int> { 1 }));
        Assert.Null(EscalationSteps.NextDue(Chain(), s_alert, new HashSet<int> { 1, 2 }));
    }

    [Fact]
    public void A_step_rule_for_critical_only_does_not_fire_for_a_warning_at_30_minutes()
    {
        var warning = s_alert with { Severity = AlertSeverity.Warning };
        var plan = With(Rule(0, [OmarEmail], 30, minSeverity: AlertSeverity.Critical));

        Assert.Empty(EscalationSteps.Due(plan, warning, new HashSet<int>(), [], s_raised.AddMinutes(30), Damascus));
    }

    [Fact]
    public void A_30_minute_step_naming_amina_who_was_told_at_once_sends_only_to_omar()
    {
        var plan = With(Rule(0, [AminaEmail]), Rule(1, [AminaEmail, OmarEmail], 30));

        var due = EscalationSteps.Due(plan, s_alert, new HashSet<int>(), [AminaEmail], s_raised.AddMinutes(30), Damascus);

        Assert.Equal([OmarEmail], due.Select(n => n.Recipient));
    }
}
