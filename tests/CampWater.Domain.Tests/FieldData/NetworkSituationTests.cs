using System.Globalization;
using CampWater.Alerts;
using CampWater.Readings;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Tanks;
using CampWater.Water;
using Xunit;
using static CampWater.FieldData.NetworkTanks;

namespace CampWater.FieldData;

/// <summary>
/// The six field situations of a camp's water network, each with its true figure, on generated field readings:
/// level sensors every 10 minutes with noise at their stated accuracy, 10 % lost, one false echo in 200, and
/// meters every 15 minutes with 10 % lost. The first day warms the tanks up; the second is measured.
/// </summary>
public sealed class NetworkSituationTests
{
    private static readonly DateOnly s_first = new(2026, 10, 31);
    private static readonly DateOnly s_day = new(2026, 11, 1);

    private static void Log(string text) => TestContext.Current.TestOutputHelper?.WriteLine(text);

    [Fact]
    public void An_elevated_tank_held_full_by_a_metered_float_valve_while_3000_litres_an_hour_are_drawn_for_10_hours_shows_30000_litres_drawn_and_no_false_coverage_low()
    {
        var tank = Elevated("e1", serves: 1500);
        var network = new FieldNetwork
        {
            FirstDay = s_first,
            Tanks = [new NetworkTank(tank, 0.95, Steady(3000, 7, 10), FedBy: "mains", ValveLph: 6000, Metered: true)],
        };
        var (messages, truth) = network.Script();
        var run = new NetworkRun(NetworkRun.CampOf(1500, tank), messages);
        var day = run.Coverage(s_day);
        var trueDay = truth.Single(t => t.Date == s_day);
        Log(string.Create(CultureInfo.InvariantCulture, $"drawn {day.DrawnL} of {trueDay.DrawnL:0}, delivered {day.DeliveredL} of {trueDay.DeliveredL:0}, {day.Lpd} l/p/d"));

        Assert.Equal(30_000, trueDay.DrawnL, 1.0);
        Assert.Equal(30_000, day.DrawnL, 30_000 * 0.03);
        Assert.Equal(trueDay.DeliveredL, day.DeliveredL, trueDay.DeliveredL * 0.03);
        Assert.Equal(20, Assert.NotNull(day.Lpd), 20 * 0.03);
        Assert.NotEqual(false, day.Met);
        Assert.False(CoverageRule.Evaluate(day, DateTimeOffset.UnixEpoch) is { Holds: true }, "no coverage-low");
    }

    [Fact]
    public void A_reservoir_pumping_60000_litres_a_day_into_two_metered_elevated_tanks_gives_4000_people_15_litres_a_day_not_30()
    {
        var reservoir = Reservoir("reservoir", "e1", "e2");
        var e1 = Elevated("e1");
        var e2 = Elevated("e2");
        var network = new FieldNetwork
        {
            FirstDay = s_first,
            Tanks =
            [
                new NetworkTank(reservoir, 0.5, Supply: [new Fill(5, 6, 30_000), new Fill(13, 6, 30_000)]),
                new NetworkTank(e1, 0.9, Daily(30_000, seed: 2), FedBy: "reservoir", Metered: true),
                new NetworkTank(e2, 0.9, Daily(30_000, seed: 3), FedBy: "reservoir", Metered: true),
            ],
        };
        var (messages, truth) = network.Script();
        var camp = NetworkRun.CampOf(4000, reservoir, e1, e2);
        var run = new NetworkRun(camp, messages);
        var day = run.Coverage(s_day);
        var trueDay = truth.Single(t => t.Date == s_day);
        Log(string.Create(CultureInfo.InvariantCulture, $"drawn {day.DrawnL} of {trueDay.DrawnL:0}, delivered {day.DeliveredL} of {trueDay.DeliveredL:0}, {day.Lpd} l/p/d"));

        Assert.Equal(60_000, trueDay.DrawnL, 60_000 * 0.01);
        Assert.Equal(15, Assert.NotNull(day.Lpd), 15 * 0.03);
        Assert.Equal(trueDay.DrawnL, day.DrawnL, trueDay.DrawnL * 0.03);
        Assert.Equal(trueDay.DeliveredL, day.DeliveredL, trueDay.DeliveredL * 0.03);
        Assert.Equal(false, day.Met);

        // The reservoir feeds people through the elevated tanks only: they serve the camp, and it serves nobody.
        Assert.Equal([0, 2000, 2000], Camps.CampModel.Serves(camp, 4000));
    }

    [Fact]
    public void A_population_raised_from_4500_to_6000_on_20_November_leaves_1_November_at_20_litres_a_person_and_met()
    {
        var trucked = Trucked();
        var network = new FieldNetwork
        {
            FirstDay = s_first,
            Tanks = [new NetworkTank(trucked, 0.9, Daily(92_250, seed: 4), Supply: [new Fill(9, 1, 45_000), new Fill(15, 1, 45_000)])],
        };
        var (messages, truth) = network.Script();
        var before = NetworkRun.CampOf(4500, trucked);
        var run = new NetworkRun(before, messages);
        var judged = run.Coverage(s_day);

        var raised = before.WithPopulationFrom(new DateOnly(2026, 11, 20), 6000);
        var after = run.Coverage(s_day, raised);
        var trueLpd = truth.Single(t => t.Date == s_day).DrawnL / 4500;
        Log(string.Create(CultureInfo.InvariantCulture, $"{after.Lpd} l/p/d of {trueLpd:0.00}, met {after.Met}"));

        Assert.Equal(20.5, trueLpd, 0.2);
        Assert.Equal(4500, after.Population);
        Assert.Equal(trueLpd, Assert.NotNull(after.Lpd), trueLpd * 0.03);
        Assert.True(after.Met);
        Assert.Equal(judged, after);
        Assert.Equal(6000, raised.PopulationOn(new DateOnly(2026, 11, 20)));
        Assert.Equal(4500, raised.PopulationOn(new DateOnly(2026, 11, 19)));
    }

    [Fact]
    public void A_camp_of_0_people_has_no_litres_per_person_no_verdict_and_no_coverage_low_however_little_is_drawn()
    {
        var trucked = Trucked();
        var network = new FieldNetwork { FirstDay = s_first, Tanks = [new NetworkTank(trucked, 0.5, Daily(1000, seed: 5))] };
        var (messages, _) = network.Script();
        var run = new NetworkRun(NetworkRun.CampOf(0, trucked), messages);
        var day = run.Coverage(s_day);

        Assert.Equal(0, day.Population);
        Assert.Null(day.Lpd);
        Assert.Null(day.Met);
        Assert.True(day.Completeness >= 0.9);
        Assert.Null(CoverageRule.Evaluate(day, DateTimeOffset.UnixEpoch));
        Assert.Null(run.Summary(CampCalendar.DayBounds(s_day.AddDays(1), run.Zone).Start.AddHours(1)).Yesterday.Met);
    }

    [Fact]
    public void An_offline_tanks_stale_9000_litres_and_a_live_tanks_1000_litres_with_a_50_mm_outlet_at_10000_litres_a_day_last_at_most_0_1_day()
    {
        // A week of 10,000 L a day from the live tank, a truck bringing it 10,000 L at 03:00 before the taps open, so
        // that it is back at 1,000 L every midnight; the other tank fell silent two days ago at 9,000 L.
        var stale = Elevated("stale");
        var live = Elevated("live", outletMm: 50);
        var days = 9;
        var network = new FieldNetwork
        {
            FirstDay = s_first, Days = days,
            Tanks = [new NetworkTank(live, 1000 / 21_205.75, Steady(10_000 / 18.0, 4, 18), Supply: [new Fill(3, 1, 10_000)])],
        };
        var (messages, truth) = network.Script();
        var last = CampCalendar.DayBounds(s_first.AddDays(days - 1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus")).End;
        var staleAt = last.AddDays(-2);
        var staleLevel = TankGeometry.From(stale).LevelAt(9000);
        var noise = TankRun.Noise(5, seed: 7);
        messages.AddRange(Enumerable.Range(0, 60).Select(i => new NetworkMessage(staleAt.AddMinutes((i * 10) - 600), "stale", false, Math.Round(3300 - staleLevel + noise(), 1), false)));
        messages.Sort((a, b) => a.Ts.CompareTo(b.Ts));

        var run = new NetworkRun(NetworkRun.CampOf(500, stale, live), messages);
        var now = last.AddMinutes(1);
        var summary = run.Summary(now);
        var liveStatus = run.Status("live", now);
        var staleStatus = run.Status("stale", now);
        var usable = Assert.NotNull(liveStatus.UsableVolumeL);
        Log(string.Create(CultureInfo.InvariantCulture, $"live {liveStatus.VolumeL} L, usable {usable} L; stale {staleStatus.VolumeL} L {staleStatus.State}; autonomy {summary.DaysOfAutonomy} days"));

        Assert.Equal(TankState.Offline, staleStatus.State);
        Assert.Equal(9000, Assert.NotNull(staleStatus.VolumeL), 9000 * 0.01);
        Assert.Equal(1000, Assert.NotNull(liveStatus.VolumeL), 250.0);
        Assert.Equal(liveStatus.VolumeL!.Value - (50 * 7.0686), usable, 60.0);
        Assert.All(truth.Skip(1), t => Assert.Equal(10_000, t.DrawnL, 10_000 * 0.02));
        Assert.InRange(Assert.NotNull(summary.DaysOfAutonomy), 0.0, 0.1);
        var week = truth.Skip(1).Take(7).Average(t => run.Coverage(t.Date).DrawnL);
        Assert.Equal(usable / week, summary.DaysOfAutonomy!.Value, 0.01);
    }

    [Fact]
    public void A_horizontal_cylinder_at_25_percent_depth_shows_level_25_percent_and_volume_19_55_percent_and_the_camp_the_same_19_55()
    {
        var tank = Horizontal();
        var network = new FieldNetwork { FirstDay = s_first, Days = 1, Tanks = [new NetworkTank(tank, 0.1955)] };
        var (messages, _) = network.Script();
        var run = new NetworkRun(NetworkRun.CampOf(100, tank), messages);
        var now = messages[^1].Ts.AddMinutes(1);
        var status = run.Status("horizontal", now);
        var summary = run.Summary(now);
        Log(string.Create(CultureInfo.InvariantCulture, $"level {status.LevelPct} %, volume {status.VolumePct} %, camp {summary.LevelPct} %"));

        Assert.Equal(25, Assert.NotNull(status.LevelPct), 1.0);
        Assert.Equal(19.55, Assert.NotNull(status.VolumePct), 1.0);
        Assert.Equal(status.VolumePct!.Value, Assert.NotNull(summary.LevelPct), 0.01);
    }

    [Fact]
    public void A_meter_reading_1000_1500_then_reset_to_200_then_700_counts_1000_litres_in_and_one_reset()
    {
        var tank = Elevated("e1");
        var record = new TankRecord { Config = tank, CampId = "field", TimeZone = "Asia/Damascus" };
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");
        var at = CampCalendar.DayBounds(s_day, zone).Start.AddHours(8);
        foreach (var (minutes, total) in new[] { (0, 1000.0), (15, 1500.0), (30, 200.0), (45, 700.0) })
        {
            Assert.Equal(ApplyOutcome.Applied, InflowModel.Apply(record, new InflowReading(at.AddMinutes(minutes), total, at), zone).Outcome);
        }

        Assert.Equal(ApplyOutcome.Duplicate, InflowModel.Apply(record, new InflowReading(at.AddMinutes(45), 900, at), zone).Outcome);
        Assert.Equal(ApplyOutcome.Late, InflowModel.Apply(record, new InflowReading(at.AddMinutes(40), 900, at), zone).Outcome);
        var day = Assert.Single(record.Days);
        Assert.True(day.Metered);
        Assert.Equal(1000, day.InflowL, 9);
        Assert.Equal(1000, day.IncomingL, 9);
        Assert.Equal(1, record.Meter.Resets);
    }

    [Fact]
    public void A_meter_total_of_600_litres_over_an_hour_across_midnight_gives_300_to_each_day()
    {
        var record = new TankRecord { Config = Elevated("e1"), CampId = "field", TimeZone = "Asia/Damascus" };
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");
        var midnight = CampCalendar.DayBounds(s_day, zone).Start;
        InflowModel.Apply(record, new InflowReading(midnight.AddMinutes(-30), 5000, midnight), zone);
        InflowModel.Apply(record, new InflowReading(midnight.AddMinutes(30), 5600, midnight), zone);

        Assert.Equal(300, record.Days.Single(d => d.Date == s_day.AddDays(-1)).InflowL, 6);
        Assert.Equal(300, record.Days.Single(d => d.Date == s_day).InflowL, 6);
    }

    [Fact]
    public void A_pumped_reservoir_feeding_a_metered_float_valve_tank_and_a_trucked_tank_give_the_days_drawn_and_delivered_within_3_percent()
    {
        var reservoir = Reservoir("reservoir", "elevated");
        var elevated = Elevated("elevated");
        var trucked = Elevated("trucked");
        var network = new FieldNetwork
        {
            FirstDay = s_first, Seed = 16,
            Tanks =
            [
                new NetworkTank(reservoir, 0.6, Supply: [new Fill(5, 5, 12_500), new Fill(14, 5, 12_500)]),
                new NetworkTank(elevated, 0.9, Daily(25_000, seed: 16), FedBy: "reservoir", ValveLph: 6000, Metered: true),
                new NetworkTank(trucked, 0.5, Daily(21_206, seed: 1), Supply: [new Fill(7, 0.5, 7400), new Fill(12, 0.5, 7400), new Fill(17, 0.5, 7400)]),
            ],
        };
        var (messages, truth) = network.Script();
        var run = new NetworkRun(NetworkRun.CampOf(2000, reservoir, elevated, trucked), messages);
        var day = run.Coverage(s_day);
        var trueDay = truth.Single(t => t.Date == s_day);
        foreach (var (id, record) in run.Records)
        {
            var d = record.Days.Single(x => x.Date == s_day);
            Log(string.Create(CultureInfo.InvariantCulture, $"{id}: level drawn {d.DrawnL:0} delivered {d.DeliveredL:0} estimated {d.EstimatedL:0} inflow {d.InflowL:0}; true drawn {trueDay.DrawnByPeopleL[id]:0} outside {trueDay.FromOutsideL[id]:0} valve {trueDay.ThroughValveL[id]:0}"));
        }

        Log(string.Create(CultureInfo.InvariantCulture, $"drawn {day.DrawnL} of {trueDay.DrawnL:0}, delivered {day.DeliveredL} of {trueDay.DeliveredL:0}"));
        Assert.Equal(trueDay.DrawnL, day.DrawnL, trueDay.DrawnL * 0.03);
        Assert.Equal(trueDay.DeliveredL, day.DeliveredL, trueDay.DeliveredL * 0.03);
    }
}
