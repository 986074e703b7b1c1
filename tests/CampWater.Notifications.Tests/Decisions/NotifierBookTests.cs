using static CampWater.Notifications.Decisions.TestAlerts;
using static CampWater.Notifications.Decisions.TestPlans;

namespace CampWater.Notifications.Decisions;

/// <summary>
/// The notifier's book on the chain of the README (Amina by SMS, email and the ops webhook at once, Omar
/// after 30 minutes, Layla after 60): notices taken once by number, deliveries planned before they are
/// sent, escalation steps only while unacknowledged, attempts on §9's schedule, and the fold.
/// </summary>
public sealed class NotifierBookTests
{
    private static readonly DateTimeOffset s_raised = At("2026-11-29T02:14:00+03:00");

    private static AlertNotice Notice(long seq, Alert alert, bool raised = false) =>
        new(seq, alert, raised, s_raised, "Atmeh 3", "Elevated tank A", "Asia/Damascus");

    [Fact]
    public void A_critical_alert_noticed_twice_with_seq_1_plans_3_deliveries_once_amina_sms_amina_email_and_ops()
    {
        var book = new NotifierBook();
        var alert = LowLevel();

        Assert.True(book.Take(Notice(1, alert, raised: true), Chain(), s_raised));
        Assert.False(book.Take(Notice(1, alert, raised: true), Chain(), s_raised));
        var planned = book.Gate(s_raised, s_raised);

        Assert.Equal(1, book.TakenThrough);
        Assert.Equal(["email:amina", "ops", "sms:amina"], planned.Select(d => d.Recipient.Key).Order(StringComparer.Ordinal));
        Assert.All(planned, d => Assert.Equal(DeliveryStatus.Queued, d.Status));
        Assert.Equal(3, book.Due(s_raised).Count());
        Assert.Equal(3, book.Log(alert.Id).Length);
    }

    [Fact]
    public void Unacknowledged_for_30_minutes_omar_is_emailed_at_02_44_and_not_at_02_43_and_layla_not_before_03_14()
    {
        var book = new NotifierBook();
        var alert = LowLevel();
        book.Take(Notice(1, alert, raised: true), Chain(), s_raised);
        book.Gate(s_raised, s_raised);

        book.Escalate(Chain(), s_raised.AddMinutes(29));
        Assert.Empty(book.Gate(s_raised.AddMinutes(29), s_raised.AddMinutes(29)));

        Assert.True(book.Escalate(Chain(), s_raised.AddMinutes(30)));
        var step = Assert.Single(book.Gate(s_raised.AddMinutes(30), s_raised.AddMinutes(30)));
        Assert.Equal("email:omar", step.Recipient.Key);
        Assert.Equal(1, step.Newest.Step);

        book.Escalate(Chain(), s_raised.AddMinutes(59));
        Assert.Empty(book.Gate(s_raised.AddMinutes(59), s_raised.AddMinutes(59)));
        book.Escalate(Chain(), s_raised.AddMinutes(60));
        Assert.Equal("sms:layla", Assert.Single(book.Gate(s_raised.AddMinutes(60), s_raised.AddMinutes(60))).Recipient.Key);
    }

    [Fact]
    public void Acknowledged_at_02_19_nobody_is_told_at_the_30_and_60_minute_steps_and_amina_gets_the_acknowledgement_by_email_at_02_24()
    {
        var book = new NotifierBook();
        var alert = LowLevel();
        book.Take(Notice(1, alert, raised: true), Chain(), s_raised);
        book.Gate(s_raised, s_raised);

        book.Take(Notice(2, alert.Acknowledged(s_raised.AddMinutes(5))), Chain(), s_raised.AddMinutes(5));
        var followUps = book.Gate(s_raised.AddMinutes(5), s_raised.AddMinutes(5)).Select(d => (Minute: 5, Delivery: d)).ToList();
        // Amina's email went at 02:14: the acknowledgement on the same fold key waits 10 minutes, the webhook does not.
        Assert.Equal(["ops"], followUps.Select(d => d.Delivery.Recipient.Key));

        for (var minute = 6; minute <= 90; minute++)
        {
            book.Escalate(Chain(), s_raised.AddMinutes(minute));
            followUps.AddRange(book.Gate(s_raised.AddMinutes(minute), s_raised.AddMinutes(minute)).Select(d => (minute, d)));
        }

        Assert.Equal([(5, "ops"), (10, "email:amina")], followUps.Select(d => (d.Minute, d.Delivery.Recipient.Key)));
        followUps.ForEach(d => Assert.Equal(NotifyEvent.Acknowledged, d.Delivery.Newest.Event));
        Assert.Empty(book.Pending);
    }


    [Fact]
    public void Refused_3_times_then_accepted_the_same_delivery_is_sent_after_4_attempts_tried_again_after_1_2_and_4_s()
    {
        var book = new NotifierBook();
        book.Take(Notice(1, LowLevel(), raised: true), With(Rule(0, [Ops])), s_raised);
        var delivery = Assert.Single(book.Gate(s_raised, s_raised));
        var id = delivery.DeliveryId;
        var t = s_raised;
        var pauses = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(id, Assert.Single(book.Due(t)).DeliveryId);
            book.Attempted(id, delivered: false, "HTTP 500 Internal Server Error", t);
            Assert.Empty(book.Due(t));
            pauses.Add((delivery.NextAttemptAt - t).TotalSeconds);
            t = delivery.NextAttemptAt;
        }

        book.Attempted(Assert.Single(book.Due(t)).DeliveryId, delivered: true, "HTTP 200 OK", t);

        Assert.Equal([1, 2, 4], pauses);
        var entry = Assert.Single(book.Log(LowLevel().Id));
        Assert.Equal("sent", entry.Status);
        Assert.Equal(4, entry.Attempts);
        Assert.Equal(id, entry.DeliveryId);
        Assert.Empty(book.Due(t.AddHours(1)));
    }

    [Fact]
    public void Refused_for_24_hours_a_delivery_has_failed_and_is_not_tried_again()
    {
        var book = new NotifierBook();
        book.Take(Notice(1, LowLevel(), raised: true), With(Rule(0, [Ops])), s_raised);
        var delivery = Assert.Single(book.Gate(s_raised, s_raised));
        var t = s_raised;
        while (book.Due(t).Any())
        {
            book.Attempted(delivery.DeliveryId, delivered: false, "connection refused", t);
            t = delivery.NextAttemptAt;
        }

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.True(delivery.LastAttemptAt - delivery.FirstAttemptAt >= TimeSpan.FromHours(24));
        Assert.InRange(delivery.Attempts, 288, 300); // 5-minute pauses for a day, after the first ones
        Assert.Equal("failed", Assert.Single(book.Log(LowLevel().Id)).Status);
    }

    [Fact]
    public void A_warning_at_02_14_inside_quiet_hours_22_00_06_00_is_logged_queued_until_06_00_and_planned_then_while_a_critical_goes_at_once()
    {
        var book = new NotifierBook();
        var plan = With(Rule(0, [AminaSms], quietHours: "22:00-06:00"));
        var warning = LowLevel(severity: AlertSeverity.Warning, tankId: "t1", n: 1);
        var critical = LowLevel(severity: AlertSeverity.Critical, tankId: "t2", n: 2);
        book.Take(Notice(1, warning, raised: true), plan, s_raised);
        book.Take(Notice(2, critical, raised: true), plan, s_raised);

        var atOnce = book.Gate(s_raised, s_raised);
        var waiting = Assert.Single(book.Log(warning.Id));

        Assert.Equal(critical.Id, Assert.Single(atOnce).Newest.Alert.Id);
        Assert.Equal("queued", waiting.Status);
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal(At("2026-11-29T06:00:00+03:00"), waiting.NextAttemptAt);
        Assert.Empty(book.Gate(At("2026-11-29T05:59:59+03:00"), At("2026-11-29T05:59:59+03:00")));
        Assert.Equal(warning.Id, Assert.Single(book.Gate(At("2026-11-29T06:00:00+03:00"), At("2026-11-29T06:00:00+03:00"))).Newest.Alert.Id);
    }

    [Fact]
    public void A_tank_flapping_20_times_in_5_minutes_sends_amina_1_sms_at_once_and_1_at_10_minutes_that_carries_the_other_9_raises_and_the_same_for_the_resolutions_by_email()
    {
        var book = new NotifierBook();
        var plan = With(Rule(0, [AminaSms]));
        var seq = 0L;
        var sent = new List<(DateTimeOffset At, Delivery Delivery)>();
        for (var i = 0; i < 10; i++)
        {
            // Raised, then resolved 15 s later: each raise is a new alert; resolutions never go by SMS.
            var at = s_raised.AddSeconds(30 * i);
            var alert = LowLevel(raisedAt: at.ToString("O"), n: i + 1, severity: AlertSeverity.Warning);
            book.Take(Notice(++seq, alert, raised: true), plan, at);
            sent.AddRange(book.Gate(at, at).Select(d => (at, d)));
            book.Take(Notice(++seq, alert.Resolved(at.AddSeconds(15))), plan, at.AddSeconds(15));
            sent.AddRange(book.Gate(at.AddSeconds(15), at.AddSeconds(15)).Select(d => (at.AddSeconds(15), d)));
        }

        for (var t = s_raised.AddMinutes(5); t <= s_raised.AddMinutes(25); t = t.AddSeconds(5))
        {
            sent.AddRange(book.Gate(t, t).Select(d => (t, d)));
        }

        var sms = sent.Where(d => d.Delivery.Recipient.Kind == ChannelKind.Sms).ToList();
        var email = sent.Where(d => d.Delivery.Recipient.Kind == ChannelKind.Email).ToList();
        Assert.Equal(20, seq);
        // The resolutions go by email to Amina, who was told: one at the first, one folding the other 9.
        Assert.Equal([s_raised.AddSeconds(15), s_raised.AddSeconds(15).AddMinutes(10)], email.Select(d => d.At));
        Assert.Equal(9, email[1].Delivery.Notifications.Count);
        Assert.Equal(2, sms.Count);
        Assert.Equal(s_raised, sms[0].At);
        Assert.Equal(s_raised.AddMinutes(10), sms[1].At);
        Assert.Equal(9, sms[1].Delivery.Notifications.Count);
        Assert.Contains("8 more since 02:14, now resolved.", new NotificationTexts(Texts.TextCatalogue.Embedded, null).Sms(sms[1].Delivery.Batch, Atmeh3, "en"), StringComparison.Ordinal);
    }
}
