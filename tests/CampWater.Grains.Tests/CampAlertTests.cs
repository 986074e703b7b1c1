using CampWater.Alerts;
using CampWater.Grains;
using CampWater.Readings;
using static CampWater.TestCamps;

namespace CampWater;

/// <summary>Alerts as the camp grain keeps them: raised from tank readings, watched by the camp's clock.</summary>
public sealed class CampAlertTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly AlertFilter Open = new(AlertStateFilter.Open, null);

    private async Task<(ICampGrain Camp, ITankGrain Tank)> NewCamp(string campId)
    {
        var camp = fixture.Grains.GetGrain<ICampGrain>(campId);
        await camp.Configure(Camp(campId), replaceTanks: true);
        return (camp, fixture.Grains.GetGrain<ITankGrain>(TankKey.Of(campId, "t1")));
    }

    private TankReading At(TimeSpan ago, double levelMm)
    {
        var ts = fixture.Time.GetUtcNow() - ago;
        return new TankReading(ts, MeasurementKind.LevelMm, levelMm, ts);
    }

    private static async Task<Alert[]> WaitForAlerts(ICampGrain camp, Func<Alert[], bool> until, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var alerts = await camp.GetAlerts(Open);
        while (!until(alerts))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 20 s for {what}; alerts: {string.Join(", ", alerts.Select(a => $"{a.Kind}/{a.Severity}/{a.Escalations}"))}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
            alerts = await camp.GetAlerts(Open);
        }

        return alerts;
    }

    [Fact]
    public async Task A_level_of_150_mm_in_a_3000_mm_tank_read_twice_raises_a_critical_low_level_alert()
    {
        // A sudden jump counts once the next reading confirms it.
        var (camp, tank) = await NewCamp("critical");
        await tank.Apply(At(TimeSpan.FromMinutes(3), 1500));
        await tank.Apply(At(TimeSpan.FromMinutes(2), 150)); // 5 % < criticalPct 10
        await tank.Apply(At(TimeSpan.FromMinutes(1), 150));

        var alert = Assert.Single(await WaitForAlerts(camp, a => a.Length > 0, "the low-level alert"));
        Assert.Equal(AlertKind.LowLevel, alert.Kind);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Equal("t1", alert.TankId);
        Assert.Equal(1, (await tank.GetStatus())!.OpenAlerts);
    }

    [Fact]
    public async Task A_critical_alert_raised_by_a_level_read_twice_and_acknowledged_by_nobody_is_sent_again_after_15_minutes_with_escalations_1()
    {
        var (camp, tank) = await NewCamp("escalate");
        await tank.Apply(At(TimeSpan.FromMinutes(3), 1500));
        await tank.Apply(At(TimeSpan.FromMinutes(2), 150));
        await tank.Apply(At(TimeSpan.FromMinutes(1), 150));
        var raised = Assert.Single(await WaitForAlerts(camp, a => a.Length > 0, "the low-level alert"));

        fixture.Time.Advance(TimeSpan.FromMinutes(15));
        var escalated = Assert.Single(await WaitForAlerts(camp, a => a.Any(x => x.Escalations == 1), "one escalation"));
        Assert.Equal(raised.Id, escalated.Id);
        Assert.Contains(fixture.Outbox.Alerts, c => c.Alert.Id == raised.Id && c.Alert.Escalations == 1);
    }

    [Fact]
    public async Task A_tank_silent_for_31_minutes_raises_sensor_offline_by_the_camp_clock()
    {
        var (camp, tank) = await NewCamp("offline");
        await tank.Apply(At(TimeSpan.Zero, 1500));

        fixture.Time.Advance(TimeSpan.FromMinutes(31));
        var alerts = await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.SensorOffline), "sensor-offline");
        Assert.Equal(AlertSeverity.Warning, alerts.Single(a => a.Kind == AlertKind.SensorOffline).Severity);
    }

    [Fact]
    public async Task A_sensor_reporting_every_20_minutes_is_offline_only_after_60_minutes_of_silence_while_one_without_a_usual_interval_is_after_30()
    {
        var camp = fixture.Grains.GetGrain<ICampGrain>("sparse");
        await camp.Configure(Camp("sparse", 1000, Cylinder("lorawan"), Cylinder("once")), replaceTanks: true);
        var lorawan = fixture.Grains.GetGrain<ITankGrain>(TankKey.Of("sparse", "lorawan"));
        foreach (var ago in new[] { 60, 40, 20, 0 })
        {
            await lorawan.Apply(At(TimeSpan.FromMinutes(ago), 1500));
        }

        await fixture.Grains.GetGrain<ITankGrain>(TankKey.Of("sparse", "once")).Apply(At(TimeSpan.Zero, 1500));
        Assert.Equal(60, (await lorawan.GetStatus())!.OfflineAfterMin);

        // 45 minutes on, the tank read once is offline by its 30 minutes; the one read every 20 minutes is not.
        fixture.Time.Advance(TimeSpan.FromMinutes(45));
        var alerts = await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.SensorOffline && x.TankId == "once"), "the 30-minute sensor-offline");
        Assert.DoesNotContain(alerts, a => a.Kind == AlertKind.SensorOffline && a.TankId == "lorawan");

        fixture.Time.Advance(TimeSpan.FromMinutes(16));
        alerts = await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.SensorOffline && x.TankId == "lorawan"), "the 60-minute sensor-offline");
        var offline = alerts.Single(a => a.Kind == AlertKind.SensorOffline && a.TankId == "lorawan");
        Assert.Equal(60, offline.Threshold);
        Assert.Equal("No reading for 61 min (limit 60 min)", offline.Message);
    }

    [Fact]
    public async Task A_tank_sending_readings_2_hours_old_is_not_flagged_offline_until_it_has_been_quiet_for_20_s()
    {
        // As after the silo was down while the broker kept the readings: they arrive now, dated two hours back.
        var (camp, tank) = await NewCamp("backlog");
        for (var minutes = 120; minutes > 100; minutes--)
        {
            await tank.Apply(At(TimeSpan.FromMinutes(minutes), 1500 - minutes));
        }

        await Task.Delay(TimeSpan.FromSeconds(11), TestContext.Current.CancellationToken); // one watch of the camp at least
        Assert.DoesNotContain(await camp.GetAlerts(Open), a => a.Kind == AlertKind.SensorOffline);

        fixture.Time.Advance(TimeSpan.FromSeconds(20));
        var alerts = await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.SensorOffline), "sensor-offline once it is quiet");
        Assert.Equal(101, alerts.Single(a => a.Kind == AlertKind.SensorOffline).Value); // minutes since the last reading
    }

    [Fact]
    public async Task A_day_of_4_7_litres_per_person_raises_critical_coverage_low_at_the_first_reading_after_its_midnight_not_before()
    {
        // A zone where it is now about 02:00, so yesterday ended two hours ago: within the wait for silent tanks.
        var now = fixture.Time.GetUtcNow();
        var offset = ((2 - now.Hour + 36) % 24) - 12;
        var zoneId = offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var camp = fixture.Grains.GetGrain<ICampGrain>("coverage-final");
        await camp.Configure(Camp("coverage-final") with { TimeZone = zoneId }, replaceTanks: true);
        var tank = fixture.Grains.GetGrain<ITankGrain>(TankKey.Of("coverage-final", "t1"));
        var (start, end) = Water.CampCalendar.DayBounds(Water.CampCalendar.LocalDate(now, zone).AddDays(-1), zone);

        // Every 10 minutes from 00:00 to 23:50 the level falls from 2,400 mm to 900 mm: 4,712 L for 1,000 people.
        for (var i = 0; i < 144; i++)
        {
            await tank.Apply(Level(start.AddMinutes(10 * i), 2400 - (1500.0 * i / 143)));
        }

        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(await camp.GetAlerts(Open), a => a.Kind == AlertKind.CoverageLow);

        await tank.Apply(Level(end, 900));
        var alerts = await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.CoverageLow), "coverage-low");
        var coverage = alerts.Single(a => a.Kind == AlertKind.CoverageLow);
        Assert.Equal(AlertSeverity.Critical, coverage.Severity);
        Assert.Null(coverage.TankId);
        Assert.Equal(end, coverage.RaisedAt);
        Assert.Equal(4.71, coverage.Value!.Value, 2);
    }

    [Fact]
    public async Task A_day_judged_empty_then_filled_by_late_readings_raises_critical_coverage_low_of_4_71_litres_a_person_said_to_be_judged_late()
    {
        // Damascus: yesterday ended more than 12 hours ago, so it is final however silent the tank is.
        var now = fixture.Time.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");
        var yesterday = Water.CampCalendar.LocalDate(now, zone).AddDays(-1);
        var (start, end) = Water.CampCalendar.DayBounds(yesterday, zone);
        Assert.True(now - end >= TimeSpan.FromHours(12), "the test needs yesterday to have ended 12 hours ago");
        var camp = fixture.Grains.GetGrain<ICampGrain>("coverage-late");
        await camp.Configure(Camp("coverage-late"), replaceTanks: true);
        var tank = fixture.Grains.GetGrain<ITankGrain>(TankKey.Of("coverage-late", "t1"));

        // The tank was last heard the evening before yesterday: the camp judges the last week at once, with no readings.
        await tank.Apply(Level(start.AddHours(-1), 2400));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await camp.GetCoverage(yesterday, yesterday)).Single().Completeness);
        Assert.DoesNotContain(await camp.GetAlerts(Open), a => a.Kind == AlertKind.CoverageLow);

        // Then its gateway comes back with yesterday's readings: every 10 minutes, 2,400 mm down to 900 mm, 4,712 L for 1,000 people.
        for (var i = 0; i < 144; i++)
        {
            await tank.Apply(Level(start.AddMinutes(10 * i), 2400 - (1500.0 * i / 143)));
        }

        await tank.Apply(Level(end, 900));
        var alerts = await WaitForAlerts(camp, a => a.Any(x => x.Kind == AlertKind.CoverageLow), "coverage-low");
        var coverage = alerts.Single(a => a.Kind == AlertKind.CoverageLow);
        Assert.Equal(1, (await camp.GetCoverage(yesterday, yesterday)).Single().Completeness);
        Assert.Equal(AlertSeverity.Critical, coverage.Severity);
        Assert.Equal(4.71, coverage.Value!.Value, 2);
        Assert.Contains("judged late", coverage.Message, StringComparison.Ordinal);
        Assert.Equal(fixture.Time.GetUtcNow(), coverage.RaisedAt); // news when it is seen, not dated days back
    }

    [Fact]
    public async Task Open_alerts_raised_by_a_level_read_twice_survive_the_camp_grain_being_deactivated()
    {
        var (camp, tank) = await NewCamp("survive");
        await tank.Apply(At(TimeSpan.FromMinutes(3), 1500));
        await tank.Apply(At(TimeSpan.FromMinutes(2), 600)); // 20 %: low-level warning
        await tank.Apply(At(TimeSpan.FromMinutes(1), 600));
        var raised = Assert.Single(await WaitForAlerts(camp, a => a.Length > 0, "the low-level alert"));

        await fixture.Cluster.DeactivateAsync(camp);

        var after = Assert.Single(await camp.GetAlerts(Open));
        Assert.Equal(raised.Id, after.Id);
        Assert.Equal(AlertSeverity.Warning, after.Severity);
    }
}
