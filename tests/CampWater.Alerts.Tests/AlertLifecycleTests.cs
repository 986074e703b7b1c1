using Xunit;

namespace CampWater.Alerts;

/// <summary>Rules and book together, the way the grains use them: camp atmeh-3, tank t1.</summary>
public sealed class AlertLifecycleTests
{
    private const string Camp = "atmeh-3";
    private const string Tank = "t1";

    [Fact]
    public void A_holding_signal_raises_an_active_alert_with_id_atmeh_3_t1_1()
    {
        var book = new AlertBook();
        var signal = Assert.Single(new TankFeed().Read("2026-11-29T10:00:00Z", levelPct: 18.5));

        var alert = book.Apply(Camp, Tank, signal);

        Assert.NotNull(alert);
        Assert.Equal("atmeh-3.t1.1", alert.Id);
        Assert.Equal(Camp, alert.CampId);
        Assert.Equal(Tank, alert.TankId);
        Assert.Equal(AlertKind.LowLevel, alert.Kind);
        Assert.Equal(AlertSeverity.Warning, alert.Severity);
        Assert.Equal(AlertState.Active, alert.State);
        Assert.Equal("Level 18.5 % is below 25 %", alert.Message);
        Assert.Equal(18.5, alert.Value);
        Assert.Equal(25, alert.Threshold);
        Assert.Equal(TankFeed.At("2026-11-29T10:00:00Z"), alert.RaisedAt);
        Assert.Equal(0, alert.Escalations);
        Assert.Empty(alert.Comments);
        Assert.Same(alert, book.Find("atmeh-3.t1.1"));
        Assert.Same(alert, book.Open(Tank, AlertKind.LowLevel));
    }

    [Fact]
    public void Camp_and_tank_alerts_share_one_counter_so_the_camp_alert_after_a_tank_alert_is_atmeh_3_2()
    {
        var book = new AlertBook();
        book.Apply(Camp, Tank, Low(20, "2026-11-29T10:00:00Z"));

        var alert = book.Apply(Camp, null, Coverage(true, AlertSeverity.Warning, "2026-11-29T21:00:00Z"));

        Assert.Equal("atmeh-3.2", alert?.Id);
        Assert.Null(alert?.TankId);
    }

    [Fact]
    public void Low_level_turns_critical_below_10_percent_keeping_its_id()
    {
        var feed = new TankFeed();
        var book = new AlertBook();
        var raised = book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T10:00:00Z", levelPct: 20)));

        var critical = book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T10:05:00Z", levelPct: 9.5)));

        Assert.NotNull(critical);
        Assert.Equal(raised?.Id, critical.Id);
        Assert.Equal(AlertSeverity.Critical, critical.Severity);
        Assert.Equal(9.5, critical.Value);
        Assert.Equal(10, critical.Threshold);
        Assert.Equal(raised?.RaisedAt, critical.RaisedAt);
        Assert.Single(book.All);
    }

    [Fact]
    public void A_repeated_signal_with_nothing_new_changes_nothing()
    {
        var book = new AlertBook();
        book.Apply(Camp, Tank, Low(20, "2026-11-29T10:00:00Z"));

        Assert.Null(book.Apply(Camp, Tank, Low(20, "2026-11-29T10:05:00Z")));
    }

    [Fact]
    public void A_cleared_signal_resolves_the_open_alert_by_system_at_the_signal_time()
    {
        var feed = new TankFeed();
        var book = new AlertBook();
        book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T10:00:00Z", levelPct: 20)));

        var resolved = book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T12:00:00Z", levelPct: 30)));

        Assert.NotNull(resolved);
        Assert.Equal(AlertState.Resolved, resolved.State);
        Assert.Equal("system", resolved.ResolvedBy);
        Assert.Equal(TankFeed.At("2026-11-29T12:00:00Z"), resolved.ResolvedAt);
        Assert.Null(book.Open(Tank, AlertKind.LowLevel));
    }

    [Fact]
    public void A_cleared_signal_with_nothing_open_is_ignored()
    {
        var book = new AlertBook();

        Assert.Null(book.Apply(Camp, Tank, TankAlertRules.Online(TankFeed.At("2026-11-29T10:00:00Z"))));
        Assert.Empty(book.All);
    }

    [Fact]
    public void Low_level_opening_again_after_it_resolved_at_30_percent_is_a_new_alert_with_id_2()
    {
        var feed = new TankFeed();
        var book = new AlertBook();
        book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T10:00:00Z", levelPct: 20)));
        book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T12:00:00Z", levelPct: 30)));

        var again = book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T18:00:00Z", levelPct: 24)));

        Assert.Equal("atmeh-3.t1.2", again?.Id);
        Assert.Equal(AlertState.Active, again?.State);
        Assert.Equal(["atmeh-3.t1.2", "atmeh-3.t1.1"], book.All.Select(a => a.Id));
    }

    [Fact]
    public void Manual_resolve_then_reset_makes_the_next_reading_at_20_percent_raise_a_new_alert()
    {
        var feed = new TankFeed();
        var book = new AlertBook();
        var first = book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T10:00:00Z", levelPct: 20)))!;

        var resolved = book.Resolve(first.Id, "amina", "refilled by truck", TankFeed.At("2026-11-29T10:02:00Z"));
        feed.Memory.Reset(resolved.Alert!.Kind);
        var second = book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T10:05:00Z", levelPct: 20)));

        Assert.Equal("amina", resolved.Alert.ResolvedBy);
        Assert.Equal("atmeh-3.t1.2", second?.Id);
        Assert.Equal(AlertState.Active, second?.State);
    }

    [Fact]
    public void Manual_resolve_without_reset_leaves_the_condition_silent_until_it_clears()
    {
        var feed = new TankFeed();
        var book = new AlertBook();
        var first = book.Apply(Camp, Tank, Assert.Single(feed.Read("2026-11-29T10:00:00Z", levelPct: 20)))!;

        book.Resolve(first.Id, "amina", null, TankFeed.At("2026-11-29T10:02:00Z"));

        Assert.Empty(feed.Read("2026-11-29T10:05:00Z", levelPct: 20));
    }

    [Fact]
    public void Open_counts_are_1_critical_and_2_warnings_for_a_critical_low_an_overflow_and_an_offline()
    {
        var book = new AlertBook();
        var at = TankFeed.At("2026-11-29T10:00:00Z");
        book.Apply(Camp, "t1", Low(8, "2026-11-29T10:00:00Z"));
        book.Apply(Camp, "t2", Assert.Single(new TankFeed().Read(at, levelPct: 99)));
        book.Apply(Camp, "t2", TankAlertRules.Offline(at, at.AddMinutes(-40), 30));
        book.Apply(Camp, null, Coverage(true, AlertSeverity.Warning, "2026-11-29T21:00:00Z"));
        book.Apply(Camp, null, Coverage(false, AlertSeverity.Warning, "2026-11-30T21:00:00Z"));

        Assert.Equal(new(1, 2, 0), book.OpenCounts());
        Assert.Equal(1, book.OpenCount("t1"));
        Assert.Equal(2, book.OpenCount("t2"));
        Assert.Equal(0, book.OpenCount(null));
        Assert.Equal(4, book.All.Count);
    }

    [Fact]
    public void Acknowledged_alert_that_turns_critical_stays_acknowledged()
    {
        var book = new AlertBook();
        var alert = book.Apply(Camp, Tank, Low(20, "2026-11-29T10:00:00Z"))!;
        book.Acknowledge(alert.Id, "amina", null, TankFeed.At("2026-11-29T10:01:00Z"));

        var critical = book.Apply(Camp, Tank, Low(8, "2026-11-29T11:00:00Z"));

        Assert.Equal(AlertState.Acknowledged, critical?.State);
        Assert.Equal(AlertSeverity.Critical, critical?.Severity);
    }

    [Fact]
    public void Coverage_low_resolves_when_a_later_complete_day_meets_the_target()
    {
        var book = new AlertBook();
        book.Apply(Camp, null, Coverage(true, AlertSeverity.Critical, "2026-11-29T21:00:00Z"));

        var resolved = book.Apply(Camp, null, Coverage(false, AlertSeverity.Warning, "2026-11-30T21:00:00Z"));

        Assert.Equal(AlertState.Resolved, resolved?.State);
        Assert.Equal("system", resolved?.ResolvedBy);
    }

    internal static AlertSignal Low(double levelPct, string at) =>
        Assert.Single(new TankFeed().Read(at, levelPct: levelPct));

    internal static AlertSignal Coverage(bool holds, AlertSeverity severity, string at) =>
        new(AlertKind.CoverageLow, holds, severity, 12, 20, "Only 12 L per person", TankFeed.At(at));
}
