using static CampWater.Notifications.Decisions.TestAlerts;
using static CampWater.Notifications.Decisions.TestPlans;

namespace CampWater.Notifications.Decisions;

/// <summary>
/// The no-spam rule on a flapping tank: 20 raises of low-level on atmeh-3/t1 within 5 minutes, 15 s apart
/// (each a new alert, since each was resolved before), all to Amina by SMS and to the ops webhook.
/// </summary>
public sealed class SendGateTests
{
    private static readonly DateTimeOffset s_start = At("2026-11-29T02:14:00+03:00");

    private static List<Notification> Flapping(Recipient recipient, int count = 20, string tankId = "t1") =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var at = s_start.AddSeconds(15 * i);
            var alert = LowLevel(raisedAt: at.ToString("O"), tankId: tankId, n: i + 1);
            return Notification.Create(alert, NotifyEvent.Raised, 0, 0, recipient, at, at);
        })];

    [Fact]
    public void Twenty_raises_in_5_minutes_send_Amina_1_sms_at_once_and_the_next_at_10_minutes_folds_the_other_19()
    {
        var all = Flapping(AminaSms);
        var lastSent = new Dictionary<FoldKey, DateTimeOffset>();
        var sent = new List<(DateTimeOffset At, MessageBatch Batch)>();
        var pending = new List<Notification>();

        // A notifier that looks every 15 s, as each raise comes, for 20 minutes.
        for (var t = s_start; t <= s_start.AddMinutes(20); t = t.AddSeconds(15))
        {
            pending.AddRange(all.Where(n => n.DecidedAt == t));
            var plan = SendGate.Plan(pending, lastSent, t);
            foreach (var batch in plan.SendNow)
            {
                sent.Add((t, batch));
                lastSent[FoldKey.Of(batch.Newest)] = t;
                pending.RemoveAll(batch.Notifications.Contains);
            }
        }

        Assert.Equal(2, sent.Count);
        Assert.Equal(s_start, sent[0].At);
        Assert.Single(sent[0].Batch.Notifications);
        Assert.Equal(s_start.AddMinutes(10), sent[1].At);
        Assert.Equal(19, sent[1].Batch.Notifications.Length);
        Assert.Equal(all[^1], sent[1].Batch.Newest);
        Assert.Empty(pending);
    }

    [Fact]
    public void While_Amina_waits_the_gate_says_to_look_again_at_10_minutes_after_the_last_sms()
    {
        var all = Flapping(AminaSms, 3);
        var lastSent = new Dictionary<FoldKey, DateTimeOffset> { [FoldKey.Of(all[0])] = s_start };

        var plan = SendGate.Plan(all.Skip(1), lastSent, s_start.AddMinutes(1));

        Assert.Empty(plan.SendNow);
        Assert.Equal(s_start.AddMinutes(10), plan.NextLook);
    }

    [Fact]
    public void The_ops_webhook_gets_all_20_notifications_as_they_come()
    {
        var all = Flapping(Ops);
        var lastSent = new Dictionary<FoldKey, DateTimeOffset> { [FoldKey.Of(all[0])] = s_start };

        var plan = SendGate.Plan(all, lastSent, s_start.AddMinutes(5));

        Assert.Equal(20, plan.SendNow.Count);
        Assert.All(plan.SendNow, b => Assert.Single(b.Notifications));
    }

    [Fact]
    public void Tanks_t1_and_t2_are_not_folded_together_and_each_sends_at_once()
    {
        var t1 = Flapping(AminaSms, 1, "t1");
        var t2 = Flapping(AminaSms, 1, "t2");
        var lastSent = new Dictionary<FoldKey, DateTimeOffset> { [FoldKey.Of(t1[0])] = s_start.AddMinutes(-1) };

        var plan = SendGate.Plan([.. t1, .. t2], lastSent, s_start);

        Assert.Equal(t2[0], Assert.Single(plan.SendNow).Newest);
    }

    [Fact]
    public void Sms_and_email_to_Amina_are_counted_apart_so_both_go_at_once()
    {
        var sms = Flapping(AminaSms, 1);
        var email = Flapping(AminaEmail, 1);

        var plan = SendGate.Plan([.. sms, .. email], new Dictionary<FoldKey, DateTimeOffset>(), s_start);

        Assert.Equal(2, plan.SendNow.Count);
    }

    [Fact]
    public void A_notification_held_until_06_00_by_quiet_hours_is_not_sent_at_05_59_and_the_gate_looks_again_at_06_00()
    {
        var release = At("2026-11-29T06:00:00+03:00");
        var alert = LowLevel(severity: AlertSeverity.Warning);
        var held = Notification.Create(alert, NotifyEvent.Raised, 0, 0, AminaSms, s_start, release);

        var before = SendGate.Plan([held], new Dictionary<FoldKey, DateTimeOffset>(), release.AddMinutes(-1));
        var at = SendGate.Plan([held], new Dictionary<FoldKey, DateTimeOffset>(), release);

        Assert.Empty(before.SendNow);
        Assert.Equal(release, before.NextLook);
        Assert.Single(at.SendNow);
    }
}
