using CampWater.Alerts;
using CampWater.Grains;
using CampWater.Readings;
using static CampWater.TestCamps;

namespace CampWater;

/// <summary>What the tank and camp grains hand to the archive.</summary>
public sealed class ArchiveSinkTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeZoneInfo Damascus = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");

    private async Task<ITankGrain> NewTank(string campId)
    {
        await fixture.Grains.GetGrain<ICampGrain>(campId).Configure(Camp(campId), replaceTanks: true);
        return fixture.Grains.GetGrain<ITankGrain>(TankKey.Of(campId, "t1"));
    }

    [Fact]
    public async Task Applied_late_and_faulty_readings_are_archived_once_each_and_a_duplicate_is_not()
    {
        var tank = await NewTank("arch-readings");
        await tank.Apply(Level(Noon, 1500));
        await tank.Apply(Level(Noon.AddMinutes(-5), 1000)); // late
        await tank.Apply(Level(Noon.AddMinutes(1), 3100)); // above the 3,000 mm tank: a fault
        await tank.Apply(Level(Noon, 1500)); // duplicate

        var archived = fixture.Archive.Readings.Where(r => r.Camp == "arch-readings").ToList();
        Assert.Equal([Noon, Noon.AddMinutes(-5), Noon.AddMinutes(1)], archived.Select(r => r.Reading.Ts));
        Assert.All(archived, r => Assert.Equal("t1", r.Tank));
        Assert.Equal(1500, archived[0].Level.LevelMm);
        Assert.Equal(1500 * Math.PI, archived[0].Level.VolumeL, 3);
        Assert.Equal(1000, archived[1].Level.LevelMm);
        Assert.True(archived[2].Level.IsFault);
        Assert.Equal(3100, archived[2].Level.DepthMm);
    }

    [Fact]
    public async Task Thirty_readings_in_a_burst_send_the_days_coverage_a_few_times_not_thirty_and_the_last_is_the_days_figures()
    {
        const string camp = "arch-coverage";
        var tank = await NewTank(camp);
        for (var i = 0; i < 30; i++)
        {
            await tank.Apply(Level(Noon.AddMinutes(i), 2000 - (i * 20)));
        }

        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Noon, Damascus).DateTime);
        var expected = Assert.Single(await fixture.Grains.GetGrain<ICampGrain>(camp).GetCoverage(date, date));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (fixture.Archive.Coverage.LastOrDefault(c => c.Camp == camp).Coverage != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var sent = fixture.Archive.Coverage.Where(c => c.Camp == camp).ToList();
        Assert.Equal(expected, sent[^1].Coverage);
        Assert.InRange(sent.Count, 1, 10);
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        Assert.Equal(new DateTimeOffset(midnight, Damascus.GetUtcOffset(midnight)), sent[^1].DayStart);
        Assert.Equal(580 * Math.PI, expected.DrawnL, 0);
    }

    [Fact]
    public async Task A_level_of_5_percent_archives_a_critical_low_level_alert()
    {
        var tank = await NewTank("arch-alert");
        await tank.Apply(Level(Noon, 150));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!fixture.Archive.Alerts.Any(a => a.CampId == "arch-alert") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var alert = Assert.Single(fixture.Archive.Alerts, a => a.CampId == "arch-alert" && a.Kind == AlertKind.LowLevel);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("t1", alert.TankId);
    }
}
