using CampWater.Alerts;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Services;
using static CampWater.TestCamps;

namespace CampWater;

/// <summary>A camp's services grain with its camp: tests and tap counts reach the camp's alert book and summary.</summary>
public sealed class ServicesGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly AlertFilter All = new(AlertStateFilter.All, null);

    private async Task<(ICampGrain Camp, IServicesGrain Services)> NewCamp(string campId, int population = 1000)
    {
        var camp = fixture.Grains.GetGrain<ICampGrain>(campId);
        var points = ImmutableArrayOf(new WaterPointConfig("p1", "Tap stand 1", WaterPointKind.Tapstand, "t1", 6));
        await camp.Configure(Camp(campId, population) with { Services = ServicesConfig.Default with { Points = points } }, replaceTanks: true);
        return (camp, fixture.Grains.GetGrain<IServicesGrain>(campId));
    }

    private static System.Collections.Immutable.ImmutableArray<WaterPointConfig> ImmutableArrayOf(params WaterPointConfig[] points) => [.. points];

    private QualityReading Frc(double frc, TimeSpan ago, string tank = "t1") =>
        new(fixture.Time.GetUtcNow() - ago, tank, null, frc, null, null, null, QualitySource.Sensor, "sensor");

    private static async Task<Alert[]> WaitForAlerts(ICampGrain camp, Func<Alert[], bool> until, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var alerts = await camp.GetAlerts(All);
        while (!until(alerts))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 20 s for {what}; alerts: {string.Join(", ", alerts.Select(a => $"{a.Kind}/{a.State}"))}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
            alerts = await camp.GetAlerts(All);
        }

        return alerts;
    }

    [Fact]
    public async Task A_low_chlorine_alert_resolved_by_hand_opens_anew_with_the_next_reading_of_0_1()
    {
        var (camp, services) = await NewCamp("svc-reopen");
        await services.RecordQuality(Frc(0.1, TimeSpan.FromMinutes(30)));
        var first = (await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.QualityFrcLow), "low chlorine")).Single();

        var resolved = await camp.ActOnAlert(first.Id, new AlertAction(AlertActionKind.Resolve, "amina", "dosed the tank"));
        await services.RecordQuality(Frc(0.1, TimeSpan.FromMinutes(20)));

        Assert.Equal(200, resolved.Status);
        var alerts = await WaitForAlerts(camp, a => a.Count(x => x.Kind == AlertKind.QualityFrcLow) == 2, "a second low chlorine alert");
        var second = alerts.Single(a => a.Kind == AlertKind.QualityFrcLow && a.IsOpen);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("t1", second.TankId);
    }

    [Fact]
    public async Task A_good_test_older_than_the_newest_bad_one_is_recorded_as_late_and_resolves_nothing()
    {
        var (camp, services) = await NewCamp("svc-late");
        await services.RecordQuality(Frc(0.1, TimeSpan.FromMinutes(10)));

        var late = await services.RecordQuality(Frc(0.7, TimeSpan.FromMinutes(40)));

        Assert.Equal(QualityOutcome.Late, late.Outcome);
        Assert.True(late.Test!.Ok);
        var alerts = await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.QualityFrcLow), "low chlorine");
        Assert.True(alerts.Single().IsOpen);
        var tests = await services.GetQuality(fixture.Time.GetUtcNow().AddHours(-1), fixture.Time.GetUtcNow());
        Assert.Equal([0.1, 0.7], tests.Select(t => t.FrcMgL!.Value).ToArray());
    }

    [Fact]
    public async Task A_test_at_a_tank_the_camp_does_not_have_is_an_unknown_place_and_is_not_kept()
    {
        var (_, services) = await NewCamp("svc-unknown");

        var result = await services.RecordQuality(Frc(0.4, TimeSpan.FromMinutes(5), tank: "t9"));

        Assert.Equal(QualityOutcome.UnknownPlace, result.Outcome);
        Assert.Empty(await services.GetQuality(DateTimeOffset.MinValue, DateTimeOffset.MaxValue));
    }

    [Fact]
    public async Task A_count_of_3_of_6_taps_reaches_the_summary_the_alert_book_and_the_archive()
    {
        var (camp, services) = await NewCamp("svc-taps");
        Assert.Equal(6, (await camp.GetSummary())!.UsableTaps);

        var point = await services.RecordTapCount("p1", new TapCount(3, "amina", null));

        Assert.Equal(3, point!.UsableTaps);
        Assert.Equal(fixture.Time.GetUtcNow(), point.StatusAt);
        var alert = (await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.TapsShort), "taps-short")).Single();
        Assert.Equal(333.3, alert.Value);
        Assert.Equal(333.3, (await camp.GetSummary())!.PeoplePerUsableTap);
        Assert.Contains(fixture.Archive.PointStatuses, p => p.Camp == "svc-taps" && p.Point.UsableTaps == 3);
        Assert.Null(await services.RecordTapCount("p9", new TapCount(1, "amina", null)));
    }

    [Fact]
    public async Task A_camp_whose_population_grows_from_1000_to_1600_raises_taps_short_on_its_6_taps_without_a_new_count()
    {
        var (camp, _) = await NewCamp("svc-influx");
        var config = (await camp.GetConfig())!;

        await camp.Configure(config with { Population = 1600, Tanks = [] }, replaceTanks: false);

        var alert = (await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.TapsShort), "taps-short")).Single();
        Assert.Equal(266.7, alert.Value);
        Assert.Single((await camp.GetConfig())!.ServicesOrDefault.Points);
    }

    [Fact]
    public async Task Quality_tests_go_to_the_archive_late_ones_included()
    {
        var (_, services) = await NewCamp("svc-archive");
        await services.RecordQuality(Frc(0.5, TimeSpan.FromMinutes(5)));
        await services.RecordQuality(Frc(0.6, TimeSpan.FromMinutes(50)));

        Assert.Equal(2, fixture.Archive.QualityTests.Count(q => q.Camp == "svc-archive"));
    }
}
