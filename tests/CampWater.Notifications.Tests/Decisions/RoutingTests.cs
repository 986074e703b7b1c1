using static CampWater.Notifications.Decisions.TestAlerts;
using static CampWater.Notifications.Decisions.TestPlans;

namespace CampWater.Notifications.Decisions;

/// <summary>Who hears of a change: rules by camp, kind and least severity; follow-ups by email and webhook to whoever was told.</summary>
public sealed class RoutingTests
{
    private static readonly DateTimeOffset s_now = At("2026-11-29T02:14:00+03:00");

    private static IReadOnlyList<Notification> Change(NotifyPlan plan, Alert? before, Alert after, params Recipient[] told) =>
        NotifyRouting.OnChange(plan, before, after, told, s_now, Damascus);

    [Fact]
    public void A_raised_critical_alert_goes_at_once_to_the_3_recipients_of_the_step_0_rule_and_not_to_the_30_and_60_minute_steps()
    {
        var decided = Change(Chain(), null, LowLevel());

        Assert.Equal([AminaSms, AminaEmail, Ops], decided.Select(n => n.Recipient));
        Assert.All(decided, n => Assert.Equal(NotifyEvent.Raised, n.Event));
        Assert.All(decided, n => Assert.Equal(0, n.Step));
        Assert.All(decided, n => Assert.Equal(s_now, n.NotBefore));
    }

    [Fact]
    public void A_rule_for_camp_kutupalong_c12_does_not_route_an_alert_of_atmeh_3()
    {
        var plan = With(Rule(0, [AminaSms], camps: ["kutupalong-c12"]));

        Assert.Empty(Change(plan, null, LowLevel(campId: "atmeh-3")));
        Assert.Single(Change(plan, null, LowLevel(campId: "kutupalong-c12")));
    }

    [Fact]
    public void A_rule_for_overflow_does_not_route_a_low_level_alert()
    {
        var plan = With(Rule(0, [AminaSms], kinds: ["overflow"]));

        Assert.Empty(Change(plan, null, LowLevel()));
        Assert.Single(Change(plan, null, LowLevel() with { Kind = AlertKind.Overflow }));
    }

    [Fact]
    public void A_warning_is_not_routed_by_a_critical_rule_until_it_becomes_critical_and_then_as_escalated()
    {
        var plan = With(Rule(0, [LaylaSms], minSeverity: AlertSeverity.Critical));
        var warning = LowLevel(severity: AlertSeverity.Warning);

        Assert.Empty(Change(plan, null, warning));
        var escalated = Assert.Single(Change(plan, warning, warning with { Severity = AlertSeverity.Critical }));
        Assert.Equal(NotifyEvent.Escalated, escalated.Event);
        Assert.Equal(LaylaSms, escalated.Recipient);
    }

    [Fact]
    public void An_info_alert_is_not_routed_by_the_default_least_severity_warning()
    {
        Assert.Empty(Change(Chain(), null, LowLevel(severity: AlertSeverity.Info)));
    }

    [Fact]
    public void The_15_minute_resend_escalates_to_the_step_0_rule_but_not_to_the_30_minute_step_before_it_is_reached()
    {
        var alert = LowLevel(raisedAt: "2026-11-29T01:59:00+03:00");

        var decided = Change(Chain(), alert, alert with { Escalations = 1 });

        Assert.Equal([AminaSms, AminaEmail, Ops], decided.Select(n => n.Recipient));
        Assert.All(decided, n => Assert.Equal(NotifyEvent.Escalated, n.Event));
    }

    [Fact]
    public void The_second_resend_at_45_minutes_also_reaches_the_30_minute_step_with_a_new_delivery_id()
    {
        var alert = LowLevel(raisedAt: "2026-11-29T01:29:00+03:00");
        var first = NotifyRouting.OnChange(Chain(), alert, alert with { Escalations = 1 }, [], alert.RaisedAt.AddMinutes(15), Damascus);
        var second = Change(Chain(), alert with { Escalations = 2 }, alert with { Escalations = 3 });

        Assert.Contains(OmarEmail, second.Select(n => n.Recipient));
        Assert.DoesNotContain(OmarEmail, first.Select(n => n.Recipient));
        Assert.Empty(first.Select(n => n.DeliveryId).Intersect(second.Select(n => n.DeliveryId)));
    }

    [Fact]
    public void Acknowledged_goes_by_email_and_webhook_to_the_2_told_and_never_by_sms()
    {
        var alert = LowLevel();

        var decided = Change(Chain(), alert, alert.Acknowledged(s_now), AminaSms, AminaEmail, Ops);

        Assert.Equal([AminaEmail, Ops], decided.Select(n => n.Recipient));
        Assert.All(decided, n => Assert.Equal(NotifyEvent.Acknowledged, n.Event));
        Assert.DoesNotContain(decided, n => n.Recipient.Kind == ChannelKind.Sms);
    }

    [Fact]
    public void Resolved_reaches_by_email_a_person_told_only_by_sms_and_nobody_without_an_email()
    {
        var alert = LowLevel();

        var decided = Change(Chain(), alert, alert.Resolved(s_now), AminaSms, LaylaSms);

        var only = Assert.Single(decided);
        Assert.Equal(AminaEmail, only.Recipient);
        Assert.Equal(NotifyEvent.Resolved, only.Event);
    }

    [Fact]
    public void Nobody_is_told_of_a_resolve_when_nobody_was_told_of_the_alert()
    {
        var alert = LowLevel();

        Assert.Empty(Change(Chain(), alert, alert.Resolved(s_now)));
    }

    [Fact]
    public void A_person_named_by_2_rules_gets_1_message_from_the_first()
    {
        var plan = With(Rule(0, [AminaSms]), Rule(1, [AminaSms, Ops]));

        var decided = Change(plan, null, LowLevel());

        Assert.Equal([(AminaSms, 0), (Ops, 1)], decided.Select(n => (n.Recipient, n.Step)));
    }

    [Fact]
    public void The_delivery_id_is_the_same_for_the_same_alert_event_step_and_recipient_and_differs_for_another_recipient()
    {
        var again = Change(Chain(), null, LowLevel());
        var decided = Change(Chain(), null, LowLevel());

        Assert.Equal(decided.Select(n => n.DeliveryId), again.Select(n => n.DeliveryId));
        Assert.Equal(3, decided.Select(n => n.DeliveryId).Distinct().Count());
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", decided[0].DeliveryId);
    }
}
