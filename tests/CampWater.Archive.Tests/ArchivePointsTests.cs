using System.Collections.Immutable;
using CampWater.Alerts;
using CampWater.Readings;
using CampWater.Silo.Archive;
using CampWater.Status;
using CampWater.Water;

namespace CampWater.ArchiveTests;

public sealed class ArchivePointsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 10, 15, 0, 123, TimeSpan.Zero); // 1796206500123 ms

    [Fact]
    public void A_reading_is_a_tank_level_point_at_its_own_millisecond_with_level_volume_percent_battery_and_radio()
    {
        var reading = new TankReading(At, MeasurementKind.DistanceMm, 2100, At.AddSeconds(2), BatteryPct: 87, Rssi: -97, Snr: 7.5);
        var level = new LevelInterpretation(false, null, 1200, 1200, 40, 3769.9);

        var line = ArchivePoints.Reading("atmeh-3", "t1", reading, level);

        Assert.Equal(
            $"tank_level,camp=atmeh-3,tank=t1 batteryPct=87,levelMm=1200,levelPct=40,rssi=-97,snr=7.5,volumeL=3769.9 {At.ToUnixTimeMilliseconds()}",
            line);
    }

    [Fact]
    public void A_sensor_fault_keeps_only_the_impossible_depth_so_level_graphs_are_not_polluted()
    {
        var reading = new TankReading(At, MeasurementKind.DistanceMm, 100, At, BatteryV: 3.3);
        var level = new LevelInterpretation(true, "inside the blind zone", 3200, 0, 0, 0);

        var line = ArchivePoints.Reading("c", "t", reading, level);

        Assert.Equal($"tank_level,camp=c,tank=t batteryV=3.3,faultDepthMm=3200 {At.ToUnixTimeMilliseconds()}", line);
    }

    [Fact]
    public void An_acknowledged_alert_is_a_point_at_its_acknowledgement_with_kebab_case_tags_and_integer_escalations()
    {
        var alert = new Alert("a-1", "c", "t", AlertKind.LowLevel, AlertSeverity.Critical, AlertState.Acknowledged, "Level 8 %",
            8, 10, At, At.AddMinutes(20), "amal", null, null, null, 1, ImmutableArray<AlertComment>.Empty);

        var line = ArchivePoints.AlertChange(alert);

        Assert.Equal(
            $"alert,camp=c,kind=low-level,severity=critical,state=acknowledged,tank=t escalations=1i,id=\"a-1\",message=\"Level 8 %\",threshold=10,value=8 {At.AddMinutes(20).ToUnixTimeMilliseconds()}",
            line);
    }

    [Fact]
    public void An_escalation_is_timed_when_it_fell_due_15_minutes_per_escalation_after_the_raise()
    {
        var alert = new Alert("a-1", "c", null, AlertKind.CoverageLow, AlertSeverity.Critical, AlertState.Active, "m",
            null, null, At, null, null, null, null, null, 2, []);

        Assert.Equal(At.AddMinutes(30), ArchivePoints.ChangedAt(alert));
        Assert.DoesNotContain("tank=", ArchivePoints.AlertChange(alert), StringComparison.Ordinal);
    }

    [Fact]
    public void A_days_coverage_is_a_camp_coverage_point_at_the_start_of_the_camp_local_day()
    {
        var dayStart = new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.FromHours(3));
        var day = new DailyCoverage(new DateOnly(2026, 11, 29), 4500, 81_000.5, 60_000, 18, 20, false, 0.9875);

        var line = ArchivePoints.Coverage("atmeh-3", dayStart, day);

        Assert.Equal(
            $"camp_coverage,camp=atmeh-3 completeness=0.9875,deliveredL=60000,drawnL=81000.5,lpd=18,met=false,population=4500i,targetLpd=20 {dayStart.ToUnixTimeMilliseconds()}",
            line);
    }
}
