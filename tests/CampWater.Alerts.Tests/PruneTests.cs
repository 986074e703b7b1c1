using Xunit;

namespace CampWater.Alerts;

public sealed class PruneTests
{
    private static readonly DateTimeOffset s_now = TankFeed.At("2026-11-29T10:00:00Z");

    [Fact]
    public void Prune_drops_an_alert_resolved_90_days_and_1_second_ago_and_keeps_one_resolved_exactly_90_days_ago()
    {
        var book = new AlertBook();
        var older = Resolved(book, "t1", s_now.AddDays(-90).AddSeconds(-1));
        var boundary = Resolved(book, "t2", s_now.AddDays(-90));

        Assert.Equal(1, book.Prune(s_now));

        Assert.Null(book.Find(older));
        Assert.NotNull(book.Find(boundary));
    }

    [Fact]
    public void Prune_never_drops_an_open_alert_raised_200_days_ago()
    {
        var book = new AlertBook();
        var open = book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(20, "2026-05-13T10:00:00Z"))!;

        Assert.Equal(0, book.Prune(s_now));

        Assert.NotNull(book.Find(open.Id));
    }

    [Fact]
    public void Prune_keeps_at_least_90_days_even_when_asked_for_30()
    {
        var book = new AlertBook();
        var id = Resolved(book, "t1", s_now.AddDays(-60));

        Assert.Equal(0, book.Prune(s_now, TimeSpan.FromDays(30)));
        Assert.NotNull(book.Find(id));
    }

    [Fact]
    public void Prune_with_a_keep_of_120_days_keeps_an_alert_resolved_100_days_ago()
    {
        var book = new AlertBook();
        var kept = Resolved(book, "t1", s_now.AddDays(-100));
        var dropped = Resolved(book, "t2", s_now.AddDays(-121));

        Assert.Equal(1, book.Prune(s_now, TimeSpan.FromDays(120)));
        Assert.NotNull(book.Find(kept));
        Assert.Null(book.Find(dropped));
    }

    [Fact]
    public void Prune_caps_the_history_at_10000_resolved_alerts_dropping_the_5_resolved_first()
    {
        var book = new AlertBook();
        var start = s_now.AddDays(-30);
        var ids = new List<string>();
        for (var i = 0; i < 10_005; i++)
        {
            ids.Add(Resolved(book, "t1", start.AddMinutes(i)));
        }

        var open = book.Apply("atmeh-3", "t2", AlertLifecycleTests.Low(20, "2026-11-01T10:00:00Z"))!;

        Assert.Equal(5, book.Prune(s_now));

        Assert.Equal(10_001, book.All.Count);
        Assert.All(ids.Take(5), id => Assert.Null(book.Find(id)));
        Assert.NotNull(book.Find(ids[5]));
        Assert.NotNull(book.Find(open.Id));
    }

    private static string Resolved(AlertBook book, string tankId, DateTimeOffset resolvedAt)
    {
        var raised = book.Apply("atmeh-3", tankId, AlertLifecycleTests.Low(20, "2026-01-01T00:00:00Z"))!;
        book.Apply("atmeh-3", tankId, new AlertSignal(AlertKind.LowLevel, false, AlertSeverity.Warning, 30, 30, "back", resolvedAt));
        return raised.Id;
    }
}
