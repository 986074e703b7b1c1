using System.Text.Json;
using CampWater.Alerts;
using CampWater.Readings;
using CampWater.Registry;
using CampWater.Tanks;
using CampWater.Water;
using Xunit;

namespace CampWater.FieldData;

/// <summary>
/// The ten field situations an independent review measured against the ledger that counted every change beyond
/// 10 mm, each with the true figure (which that ledger missed). Camp days are Damascus days (UTC+3) unless said.
/// Tank: Ø 3000 × 3000 mm, 7.0686 L per mm, sensor 3300 mm above the floor.
/// </summary>
public sealed class FieldSituationTests
{
    private static readonly DateOnly s_day = new(2026, 11, 29);

    private static DateTimeOffset Local(int hour, int minute = 0, int day = 0) =>
        new DateTimeOffset(s_day.AddDays(day).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(3)).AddHours(hour).AddMinutes(minute);

    [Theory]
    [InlineData(5.0)]
    [InlineData(3.0)]
    public void A_steady_3000_mm_tank_read_every_minute_with_noise_of_sigma_5_or_3_mm_books_0_litres_drawn_and_0_delivered_in_a_day(double sigma)
    {
        // Half full: the sensor reads 1800 mm, stated good to ±(10 + 0.3 % of 1800) = ±15.4 mm.
        var run = new TankRun(TankRun.Tank3000());
        var noise = TankRun.Noise(sigma, seed: 15);
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            run.Distance(Local(0, minute), Math.Round(1800 + noise(), 1));
        }

        Assert.Equal(0, run.Day(s_day).DrawnL);
        Assert.Equal(0, run.Day(s_day).DeliveredL);
    }

    [Fact]
    public void One_false_echo_in_2500_800_2500_mm_books_0_litres_and_is_counted_wild()
    {
        var run = new TankRun(TankRun.Tank3000());

        run.Level(Local(10, 0), 2500);
        run.Level(Local(10, 1), 800);
        var outcome = run.Level(Local(10, 2), 2500);

        Assert.Equal(ApplyOutcome.Wild, outcome);
        Assert.Equal((0, 0), (run.DrawnL, run.DeliveredL));
        Assert.Equal(1, run.Record.Counters.Wild);
        Assert.True(Assert.Single(run.Record.History, p => p.LevelMm == 800).Wild);
        Assert.Empty(run.Signals);
    }

    [Fact]
    public void A_truck_of_10000_litres_in_30_minutes_while_taps_draw_2000_litres_an_hour_books_4000_drawn_and_10000_delivered_over_2_hours()
    {
        // 08:00-08:30 the taps alone; 08:30-09:00 the truck too (net +18,000 L/h); 09:00-10:00 the taps alone.
        var run = new TankRun(TankRun.Tank3000());
        var litres = 10_000.0;
        for (var minute = 0; minute <= 120; minute++)
        {
            var fill = Math.Clamp(minute - 30, 0, 30) / 30.0 * 10_000;
            run.Level(Local(8, minute), run.Geometry.LevelAt(litres - (2000 * minute / 60.0) + fill));
        }

        var day = run.Day(s_day);
        Assert.Equal(4000, day.DrawnL, 40.0);
        Assert.Equal(10_000, day.DeliveredL, 100.0);
        Assert.Equal(1000, day.EstimatedL, 40.0);
    }

    [Fact]
    public void Uplinks_every_20_minutes_with_1_in_10_lost_cover_the_whole_day_and_are_offline_only_after_60_minutes_of_silence()
    {
        var run = new TankRun(TankRun.Tank3000());
        var last = Local(0);
        for (var slot = -6; slot < (3 * 24) + 3; slot++)
        {
            if (slot % 10 != 7)
            {
                last = Local(0, 20 * slot);
                run.Level(last, 2000);
            }
        }

        Assert.Equal(1, run.Day(s_day).CoveredSeconds / CampCalendar.DaySeconds(s_day, run.Zone), 3);
        Assert.Equal(TimeSpan.FromMinutes(60), TankModel.OfflineLimit(run.Record));
        Assert.NotEqual(Status.TankState.Offline, TankModel.StateOf(run.Record, last.AddMinutes(59)));
        Assert.Equal(Status.TankState.Offline, TankModel.StateOf(run.Record, last.AddMinutes(60)));
    }

    [Fact]
    public void A_fall_of_60_percent_of_capacity_an_hour_read_every_15_to_20_minutes_raises_a_critical_rapid_drop()
    {
        // Limit 30 %/h. Steady at 2700 mm, then from 10:00 a fall of 1800 mm (60 %) an hour.
        var run = new TankRun(TankRun.Tank3000());
        var at = Local(8);
        var gaps = new[] { 15, 20 };
        for (var i = 0; at < Local(11); i++)
        {
            var falling = Math.Max(0, (at - Local(10)).TotalHours);
            run.Level(at, 2700 - (1800 * falling));
            at = at.AddMinutes(gaps[i % 2]);
        }

        var rapid = Assert.Single(run.Signals, s => s.Kind == AlertKind.RapidDrop);
        Assert.True(rapid.Holds);
        Assert.Equal(AlertSeverity.Critical, rapid.Severity);
        Assert.Equal(60, rapid.Value!.Value, 1);
        Assert.InRange(rapid.At, Local(10, 15), Local(10, 45));
    }

    [Fact]
    public void A_fall_of_10603_litres_while_the_sensor_was_silent_from_20_00_to_08_00_is_3534_litres_on_the_first_day_and_7069_on_the_second()
    {
        // 1500 mm of the tank: 10,602.9 L, 4 of the 12 silent hours before midnight.
        var run = new TankRun(TankRun.Tank3000());
        for (var minute = 0; minute <= 60; minute++)
        {
            run.Level(Local(19, minute), 2500);
        }

        run.Level(Local(8, 0, day: 1), 1000);
        run.Level(Local(8, 1, day: 1), 1000);

        Assert.Equal(3534.3, run.Day(s_day).DrawnL, 0.5);
        Assert.Equal(7068.6, run.Day(s_day.AddDays(1)).DrawnL, 0.5);
    }

    [Fact]
    public void Correcting_the_sensor_height_from_3300_to_3200_mm_while_it_reads_the_same_distance_books_0_litres()
    {
        var run = new TankRun(TankRun.Tank3000(mountMm: 3300));
        for (var minute = 0; minute < 30; minute++)
        {
            run.Distance(Local(9, minute), 1300);
        }

        run.Reconfigure(TankRun.Tank3000(mountMm: 3200));
        for (var minute = 30; minute < 60; minute++)
        {
            run.Distance(Local(9, minute), 1300);
        }

        Assert.Equal((0, 0), (run.DrawnL, run.DeliveredL));
        Assert.Equal(1900, run.Record.Latest!.LevelMm);
    }

    [Fact]
    public void A_Dragino_No_Sensor_reading_without_a_blind_zone_is_a_sensor_fault_that_books_0_litres_and_raises_no_overflow()
    {
        // Mounted at the brim with no blind zone: a distance of 0 would read as a full tank.
        var run = new TankRun(TankRun.Tank3000(mountMm: 3000, blindMm: 0));
        run.Distance(Local(9, 0), 1500);
        run.Distance(Local(9, 1), 1500);

        var outcome = run.Read(new TankReading(Local(9, 2), MeasurementKind.SensorFailed, 0, Local(9, 2)));
        run.Distance(Local(9, 3), 1500);

        Assert.Equal(ApplyOutcome.SensorFault, outcome);
        Assert.Equal((0, 0), (run.DrawnL, run.DeliveredL));
        Assert.DoesNotContain(run.Signals, s => s.Kind == AlertKind.Overflow);
        Assert.Equal(1500, run.Record.Latest!.LevelMm);
    }

    [Fact]
    public void A_tank_whose_sensor_at_2150_mm_with_a_250_mm_blind_zone_sees_only_95_percent_of_2000_mm_is_refused_for_overflow_at_98_percent()
    {
        using var body = JsonDocument.Parse("""
            { "id": "t3", "name": "School block tank", "shape": "horizontal-cylinder", "diameterMm": 2000, "lengthMm": 4000,
              "sensor": { "mountHeightMm": 2150, "blindZoneMm": 250 } }
            """);

        var tank = RegistryReader.ReadTank("t3", body.RootElement);

        var problem = Assert.Single(tank.Problems);
        Assert.Equal("thresholds.overflowPct", problem.Field);
        Assert.Contains("98 % is above what the sensor can see", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("at most 95", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2023-10-01")]
    [InlineData("2024-10-06")]
    public void An_Asuncion_day_whose_midnight_does_not_exist_starts_at_04_00Z_for_litres_and_coverage_alike(string date)
    {
        // Clocks jump from 00:00 to 01:00 (UTC-4 to UTC-3). A fall of 120 mm an hour, read every 10 minutes from 02:00Z to 06:00Z.
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        var run = new TankRun(TankRun.Tank3000(), "America/Asuncion");
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);
        for (var minute = 0; minute <= 240; minute += 10)
        {
            run.Level(start.AddMinutes(minute), 2500 - (2.0 * minute));
        }

        Assert.Equal(new DateTimeOffset(day.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero), CampCalendar.DayBounds(day, run.Zone).Start);
        var before = run.Day(day.AddDays(-1));
        var after = run.Day(day);
        Assert.Equal(7200, before.CoveredSeconds, 0.001);
        Assert.Equal(7200, after.CoveredSeconds, 0.001);

        // Two hours of the fall on each side of 04:00Z: 240 mm, 1,696.5 L each, give or take the 10-minute
        // steps in which the estimate settled.
        Assert.Equal(before.DrawnL + after.DrawnL, run.DrawnL, 0.001);
        Assert.Equal(1696.5, after.DrawnL, 1696.5 * 0.1);
    }
}
