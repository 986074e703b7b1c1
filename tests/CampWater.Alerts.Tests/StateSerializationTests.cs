using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;

namespace CampWater.Alerts;

/// <summary>Alerts survive restarts: what the grains keep must come back from the serializer unchanged.</summary>
public sealed class StateSerializationTests
{
    private static readonly Serializer s_serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(AlertBook).Assembly).AddAssembly(typeof(Alert).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void Alert_book_keeps_its_alerts_its_counter_and_when_each_critical_alert_is_due()
    {
        var book = new AlertBook();
        var critical = book.Apply("atmeh-3", "t1", AlertLifecycleTests.Low(8, "2026-11-29T10:00:00Z"))!;
        var warning = book.Apply("atmeh-3", "t2", AlertLifecycleTests.Low(20, "2026-11-29T10:00:00Z"))!;
        book.Comment(warning.Id, "amina", "checking", TankFeed.At("2026-11-29T10:05:00Z"));
        book.Apply("atmeh-3", "t2", AlertLifecycleTests.Low(8, "2026-11-29T11:00:00Z"));

        var copy = RoundTrip(book);

        // Alert compares its comments by array reference, so compare them apart.
        Assert.Equal(book.All.Select(a => a with { Comments = [] }), copy.All.Select(a => a with { Comments = [] }));
        Assert.Equal(book.All.SelectMany(a => a.Comments), copy.All.SelectMany(a => a.Comments));
        Assert.Single(copy.Find(warning.Id)!.Comments);
        Assert.Equal("atmeh-3.3", copy.Apply("atmeh-3", null, AlertLifecycleTests.Coverage(true, AlertSeverity.Warning, "2026-11-29T21:00:00Z"))?.Id);
        var due = copy.Escalate(TankFeed.At("2026-11-29T11:00:00Z"));
        Assert.Equal(critical.Id, Assert.Single(due).Id);
    }

    [Fact]
    public void Tank_alert_memory_keeps_every_condition_and_the_night_being_summed()
    {
        var feed = new TankFeed();
        feed.Read("2026-11-28T21:30:00Z", levelPct: 8, drawnL: 600, fallPctPerHour: 40);

        var copy = RoundTrip(feed.Memory);

        Assert.True(copy.LowHolds);
        Assert.Equal(AlertSeverity.Critical, copy.LowSeverity);
        Assert.Equal(TankFeed.At("2026-11-28T21:30:00Z"), copy.RapidSince);
        Assert.Equal(new DateOnly(2026, 11, 29), copy.NightDate);
        Assert.Equal(new DateOnly(2026, 11, 29), copy.NightRaisedFor);
        Assert.Equal(600, copy.NightDrawnL);
        Assert.True(copy.NightHolds);
    }

    [Fact]
    public void Coverage_judge_keeps_the_days_waiting_for_readings_and_the_newest_verdict()
    {
        var judge = new CoverageJudge();
        var waiting = new DateOnly(2026, 11, 28);
        judge.Judge(new Status.DailyCoverage(waiting, 4500, 0, 0, 0, 20, false, 0.2), TankFeed.At("2026-11-28T21:00:00Z"), TankFeed.At("2026-11-29T10:00:00Z"));
        judge.Judge(new Status.DailyCoverage(waiting.AddDays(1), 4500, 90_000, 0, 20, 20, true, 1), TankFeed.At("2026-11-29T21:00:00Z"), TankFeed.At("2026-11-29T22:00:00Z"));

        var copy = RoundTrip(judge);

        Assert.Equal([waiting], copy.WaitingDays);
        // The newest verdict came back: a late day that met the target does not clear an open alert.
        Assert.Empty(copy.JudgeLate([new Status.DailyCoverage(waiting, 4500, 99_000, 0, 22, 20, true, 1)], waiting.AddDays(1), true, TankFeed.At("2026-11-30T10:00:00Z")));
    }

    private static T RoundTrip<T>(T value)
        where T : class =>
        s_serializer.Deserialize<T>(s_serializer.SerializeToArray(value)) ?? throw new InvalidOperationException("Nothing came back.");
}
