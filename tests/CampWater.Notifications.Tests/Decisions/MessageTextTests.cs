using CampWater.Texts;
using static CampWater.Notifications.Decisions.TestAlerts;
using static CampWater.Notifications.Decisions.TestPlans;

namespace CampWater.Notifications.Decisions;

/// <summary>What the messages say: a critical low-level alert on atmeh-3/t1 at 8 % (threshold 10 %), raised at 02:14 camp time.</summary>
public sealed class MessageTextTests
{
    private static readonly NotificationTexts s_texts = new(TextCatalogue.Embedded, "https://campwater.example.org");
    private static readonly Alert s_alert = LowLevel(raisedAt: "2026-11-29T02:14:00+03:00");

    private static MessageBatch Single(Alert alert, Recipient recipient, NotifyEvent notifyEvent = NotifyEvent.Raised) =>
        new(recipient, [Notification.Create(alert, notifyEvent, 0, 0, recipient, alert.RaisedAt, alert.RaisedAt)]);

    [Fact]
    public void The_sms_names_severity_kind_camp_tank_8_percent_limit_10_percent_02_14_and_the_link_in_at_most_160()
    {
        var sms = s_texts.Sms(Single(s_alert, AminaSms), Atmeh3, "en");

        Assert.Equal("CRITICAL low-level Atmeh 3/Elevated tank A: 8 % (limit 10 %) at 02:14 https://campwater.example.org/#/alerts/atmeh-3.t1.1", sms);
        Assert.True(SmsLength.Units(sms) <= 160);
        Assert.True(SmsLength.IsGsm7(sms));
    }

    [Fact]
    public void An_sms_whose_link_would_pass_160_goes_without_the_link()
    {
        var longPlace = Atmeh3 with { TankName = "Elevated tank A beside the school on the north road" };
        var texts = new NotificationTexts(TextCatalogue.Embedded, "https://campwater.example.org/a-long-path-on-the-agency-portal/water");

        var sms = texts.Sms(Single(s_alert, AminaSms), longPlace, "en");

        Assert.Equal("CRITICAL low-level Atmeh 3/Elevated tank A beside the school on the north road: 8 % (limit 10 %) at 02:14", sms);
    }

    [Fact]
    public void A_folded_sms_says_19_more_since_02_14_and_that_the_alert_is_now_resolved()
    {
        var notifications = Enumerable.Range(0, 20)
            .Select(i => Notification.Create(s_alert with { Id = AlertIds.For("atmeh-3", "t1", i + 1) }, NotifyEvent.Raised, 0, 0, AminaSms,
                s_alert.RaisedAt.AddSeconds(15 * i), s_alert.RaisedAt))
            .ToList();
        notifications[^1] = notifications[^1] with { Alert = notifications[^1].Alert.Resolved(s_alert.RaisedAt.AddMinutes(5)) };

        var sms = s_texts.Sms(new MessageBatch(AminaSms, [.. notifications]), Atmeh3, "en");

        Assert.EndsWith(" 19 more since 02:14, now resolved.", sms, StringComparison.Ordinal);
        Assert.True(SmsLength.FitsOne(sms), sms);
    }

    [Fact]
    public void The_email_subject_is_CampWater_CRITICAL_low_level_Atmeh_3_Elevated_tank_A()
    {
        Assert.Equal("[CampWater] CRITICAL low-level — Atmeh 3 / Elevated tank A", s_texts.EmailSubject(s_alert, Atmeh3, "en"));
    }

    [Fact]
    public void A_camp_alert_has_whole_camp_in_place_of_the_tank_in_the_subject()
    {
        var coverage = s_alert with { TankId = null, Kind = AlertKind.CoverageLow, Value = 12.5, Threshold = 15 };

        Assert.Equal("[CampWater] CRITICAL coverage-low — Atmeh 3 / whole camp", s_texts.EmailSubject(coverage, Atmeh3 with { TankName = null }, "en"));
        Assert.Equal("12.5 l/p/d (limit 15 l/p/d)", s_texts.Figure(coverage, "en"));
    }

    [Fact]
    public void The_email_body_has_the_message_value_8_percent_threshold_10_percent_the_camp_time_02_14_and_the_link()
    {
        var body = s_texts.EmailBody(Single(s_alert, AminaEmail), Atmeh3, "en");

        Assert.Contains("A CRITICAL low-level alert was raised at Atmeh 3 / Elevated tank A.", body, StringComparison.Ordinal);
        Assert.Contains("Message: Level 8 % is below the critical 10 %", body, StringComparison.Ordinal);
        Assert.Contains("Value: 8 %", body, StringComparison.Ordinal);
        Assert.Contains("Threshold: 10 %", body, StringComparison.Ordinal);
        Assert.Contains("Time: 2026-11-29 02:14 (Asia/Damascus, UTC+03:00)", body, StringComparison.Ordinal);
        Assert.Contains("Open the alert: https://campwater.example.org/#/alerts/atmeh-3.t1.1", body, StringComparison.Ordinal);
    }

    [Fact]
    public void The_resolved_email_says_by_whom_and_the_system_when_the_system_resolved_it()
    {
        var byHand = s_texts.EmailBody(Single(s_alert.Resolved(s_alert.RaisedAt.AddMinutes(40), "omar"), AminaEmail, NotifyEvent.Resolved), Atmeh3, "en");
        var bySystem = s_texts.EmailBody(Single(s_alert.Resolved(s_alert.RaisedAt.AddMinutes(40)), AminaEmail, NotifyEvent.Resolved), Atmeh3, "en");

        Assert.StartsWith("The low-level alert at Atmeh 3 / Elevated tank A was resolved by omar.", byHand, StringComparison.Ordinal);
        Assert.StartsWith("The low-level alert at Atmeh 3 / Elevated tank A was resolved by the system.", bySystem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folded_email_says_what_happened_meanwhile_raised_2_times_resolved_1_time()
    {
        var at = s_alert.RaisedAt;
        MessageBatch batch = new(AminaEmail,
        [
            Notification.Create(s_alert, NotifyEvent.Raised, 0, 0, AminaEmail, at, at),
            Notification.Create(s_alert, NotifyEvent.Resolved, 0, -1, AminaEmail, at.AddMinutes(2), at),
            Notification.Create(s_alert with { Id = "atmeh-3.t1.2" }, NotifyEvent.Raised, 0, 0, AminaEmail, at.AddMinutes(3), at),
            Notification.Create(s_alert with { Id = "atmeh-3.t1.3" }, NotifyEvent.Raised, 0, 0, AminaEmail, at.AddMinutes(4), at),
        ]);

        var body = s_texts.EmailBody(batch, Atmeh3, "en");

        Assert.Contains("Meanwhile, since 02:14: raised 2 times, resolved 1 times. The alert is now open.", body, StringComparison.Ordinal);
        Assert.Contains("#/alerts/atmeh-3.t1.3", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_public_url_the_sms_and_the_email_have_no_link()
    {
        var texts = new NotificationTexts(TextCatalogue.Embedded, null);

        Assert.DoesNotContain("#/alerts", texts.Sms(Single(s_alert, AminaSms), Atmeh3, "en"), StringComparison.Ordinal);
        Assert.DoesNotContain("Open the alert", texts.EmailBody(Single(s_alert, AminaEmail), Atmeh3, "en"), StringComparison.Ordinal);
    }
}
