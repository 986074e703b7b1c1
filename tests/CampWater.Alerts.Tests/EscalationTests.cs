using Xunit;

namespace CampWater.Alerts;

/// <summary>A critical alert raised at 10:00 that nobody acknowledges is sent again at 10:15, 10:30, ...</summary>
public sealed class EscalationTests
{
    private static readonly DateTimeOffset s_raised = TankFeed.At("2026-11-29T10:00:00Z");

    [Fact]
    public void Critical_alert_is_not_escalated_after_14_min_59_s()
    {
        var (book, _) = Critical();

        Assert.Empty(book.Escalate(s_raised + TimeSpan.FromSeconds((14 * 60) + 59)));
    }

    [Fact]
    public void Critical_alert_is_escalated_once_at_15_min_00_s()
    {
        var (book, id) = Critical();

        var escalated = Assert.Single(book.Escalate(s_raised.AddMinutes(15)));

        Assert.Equal(id, escalated.Id);
        Assert.Equal(1, escalated.Escalations);
        Assert.Equal(1, book.Find(id)!.Escalations);
        Assert.Empty(book.Escalate(s_raised.AddMinutes(15)));
        Assert.Empty(book.Escalate(s_raised.AddMinutes(29)));
    }

    [Fact]
    public void Critical_alert_is_escalated_twice_by_30_min_00_s()
    {
        var (book, id) = Critical();
        book.Escalate(s_raised.AddMinutes(15));

        var escalated = Assert.Single(book.Escalate(s_raised.AddMinutes(30)));

        Assert.Equal(2, escalated.Escalations);
        Assert.Equal(2, book.Find(id)!.Escalations);
    }

    [Fact]
    public void A_caller_first_asking_at_45_min_catches_up_one_escalation_per_call()
    {
        var (book, _) = Critical();
        var now = s_raised.AddMinutes(45);

        Assert.Equal(1, Assert.Single(book.Escalate(now)).Escalations);
        Assert.Equal(2, Assert.Single(book.Escalate(now)).Escalations);
        Assert.Equal(3, Assert.Single(book.Escalate(now)).Escalations);
        Assert.Empty(book.Escalate(now));
    }

    [Fact]
    public void Acknowledged_critical_alert_is_never_escalated()
    {
        var (book, id) = Critical();
        book.Acknowledge(id, "amina", null, s_raised.AddMinutes(5));

        Assert.Empty(book.Escalate(s_raised.AddMinutes(15)));
        Assert.Empty(book.Escalate(s_raised.AddHours(3)));
    }

    [Fact]
    public void Resolved_critical_alert_is_never_escalated()
    {
        var (book, id) = Critical();
        book.Resolve(id, "amina", null, s_raised.AddMinutes(5));

        Assert.Empty(book.Escalate(s_raised.AddMinutes(15)));
    }

    [Fact]
    public void Warning_alert_is_never_escalated()
    {
        var book = new AlertBook();
        book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(20, "2026-11-29T10:00:00Z"));

        Assert.Empty(book.Escalate(s_raised.AddHours(3)));
    }

    [Fact]
    public void Warning_that_turns_critical_at_11_00_is_first_escalated_at_11_15_not_at_once()
    {
        var book = new AlertBook();
        book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(20, "2026-11-29T10:00:00Z"));
        book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(8, "2026-11-29T11:00:00Z"));

        Assert.Empty(book.Escalate(TankFeed.At("2026-11-29T11:14:59Z")));
        Assert.Equal(1, Assert.Single(book.Escalate(TankFeed.At("2026-11-29T11:15:00Z"))).Escalations);
    }

    [Fact]
    public void Critical_that_eases_to_a_warning_stops_escalating()
    {
        var (book, _) = Critical();
        book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(20, "2026-11-29T10:10:00Z"));

        Assert.Empty(book.Escalate(s_raised.AddHours(1)));
    }

    [Fact]
    public void Critical_from_a_10_00_reading_that_arrives_at_13_00_is_first_escalated_at_13_15_not_at_once()
    {
        var book = new AlertBook();
        var learned = TankFeed.At("2026-11-29T13:00:00Z");
        book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(8, "2026-11-29T10:00:00Z"), learned);

        Assert.Empty(book.Escalate(learned));
        Assert.Empty(book.Escalate(TankFeed.At("2026-11-29T13:14:59Z")));
        Assert.Equal(1, Assert.Single(book.Escalate(TankFeed.At("2026-11-29T13:15:00Z"))).Escalations);
    }

    [Fact]
    public void Warning_that_turns_critical_from_a_late_reading_counts_its_first_interval_from_when_it_arrived()
    {
        var book = new AlertBook();
        book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(20, "2026-11-29T10:00:00Z"));
        book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(8, "2026-11-29T11:00:00Z"), TankFeed.At("2026-11-29T12:00:00Z"));

        Assert.Empty(book.Escalate(TankFeed.At("2026-11-29T12:14:59Z")));
        Assert.Single(book.Escalate(TankFeed.At("2026-11-29T12:15:00Z")));
    }

    private static (AlertBook Book, string Id) Critical()
    {
        var book = new AlertBook();
        var alert = book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(8, "2026-11-29T10:00:00Z"))!;
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        return (book, alert.Id);
    }
}
