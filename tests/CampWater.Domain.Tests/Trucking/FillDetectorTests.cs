using System.Globalization;
using CampWater.FieldData;
using CampWater.Readings;
using CampWater.Tanks;
using CampWater.Trucking;
using CampWater.Water;
using Xunit;

namespace CampWater.Trucking;

/// <summary>
/// Fills seen in the filtered estimate, on generated field days (<see cref="FieldDay"/>): noise at the stated
/// accuracy, one false echo in 200, 10 % of readings lost, people drawing while the trucks fill.
/// </summary>
public sealed class FillDetectorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(5, 1)]
    [InlineData(10, 2)]
    [InlineData(15, 3)]
    public void A_steady_tank_read_with_noise_of_sigma_5_to_15_mm_and_false_echoes_shows_no_delivery(double sigmaMm, int seed)
    {
        var run = new TankRun(TankRun.Tank3000());
        var noise = TankRun.Noise(sigmaMm, seed);
        var random = new Random(seed);
        var t0 = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var echoes = 0;
        for (var i = 0; i < 24 * 12; i++)
        {
            // A false echo one reading in 100 (twice the field's rate), anywhere between the blind zone and the floor.
            var wild = i > 0 && i % 100 == 50;
            echoes += wild ? 1 : 0;
            var distance = wild ? 280 + (random.NextDouble() * 3000) : 1800 + noise();
            run.Distance(t0.AddMinutes(5 * i), distance);
        }

        output.WriteLine(Invariant($"σ {sigmaMm} mm, {echoes} false echoes: {run.Record.Fills.Pending.Count} deliveries, delivered {run.DeliveredL:0.0} L"));
        Assert.Empty(run.Record.Fills.Pending);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    [InlineData(5, 3)]
    [InlineData(10, 4)]
    public void Three_trucks_of_7000_L_while_people_draw_are_three_deliveries_each_within_3_percent_of_7000_L(double intervalMinutes, int seed)
    {
        var tank = FieldTank.VerticalCylinder;
        var capacity = TankGeometry.From(tank.Config).CapacityL;
        var day = new FieldDay
        {
            Tank = tank, IntervalMinutes = intervalMinutes, Seed = seed, StartShare = 0.3,
            DrawLph = DrawProfile.Daily(capacity * 0.9, seed),
            Fills = [new(7, 0.5, 7000), new(12, 0.5, 7000), new(17, 0.5, 7000)],
        };

        var fills = Fills(day, out var zone).Where(f => CampCalendar.LocalDate(f.StartedAt, zone) == day.MeasuredDay).ToList();

        foreach (var f in fills)
        {
            output.WriteLine(Invariant($"{f.StartedAt.ToOffset(TimeSpan.FromHours(3)):HH:mm}–{f.EndedAt.ToOffset(TimeSpan.FromHours(3)):HH:mm}: {f.Litres:0} L ({f.RiseL:0} L rise + {f.Litres - f.RiseL:0} L drawn meanwhile), {(f.Litres - 7000) / 70:+0.00;-0.00} %"));
        }

        Assert.Equal(3, fills.Count);
        var starts = new[] { 7.0, 12.0, 17.0 };
        for (var i = 0; i < 3; i++)
        {
            var localStart = (fills[i].StartedAt - CampCalendar.DayBounds(day.MeasuredDay, zone).Start).TotalHours;
            Assert.InRange(localStart, starts[i] - (intervalMinutes * 2 / 60) - 0.1, starts[i] + 0.1);
            Assert.InRange(fills[i].Litres, 7000 * 0.97, 7000 * 1.03);

            // People drew while the truck filled: the delivery is more than the tank's rise.
            Assert.True(fills[i].Litres > fills[i].RiseL, Invariant($"fill {i}: {fills[i].Litres} L is not more than its rise {fills[i].RiseL} L"));
        }
    }

    [Fact]
    public void A_truck_that_pauses_10_minutes_half_way_is_one_delivery_of_6000_L()
    {
        var run = new TankRun(TankRun.Tank3000());
        var t0 = new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);
        var litresPerMm = 7.0686;
        var level = 1000.0;
        var noise = TankRun.Noise(5, 9);
        for (var minute = 0; minute <= 240; minute += 2)
        {
            // Steady draw of 600 L/h; a truck gives 3000 L from 01:00 to 01:20, pauses, then 3000 L more from 01:30 to 01:50.
            level -= 600.0 / 30 / litresPerMm;
            if ((minute > 60 && minute <= 80) || (minute > 90 && minute <= 110))
            {
                level += 300.0 / litresPerMm;
            }

            run.Level(t0.AddMinutes(minute), level + noise());
        }

        var fill = Assert.Single(run.Record.Fills.Pending);
        output.WriteLine(Invariant($"{fill.StartedAt:HH:mm}–{fill.EndedAt:HH:mm}: {fill.Litres} L"));
        Assert.InRange(fill.Litres, 6000 * 0.97, 6000 * 1.03);
    }

    private static List<SeenFill> Fills(FieldDay day, out TimeZoneInfo zone)
    {
        var script = day.Script();
        zone = day.Zone;
        var geometry = TankGeometry.From(day.Tank.Config);
        var record = new TankRecord { Config = day.Tank.Config, CampId = "field", TimeZone = day.Zone.Id };
        foreach (var r in script.Readings)
        {
            TankModel.Apply(record, new TankReading(r.Ts, MeasurementKind.DistanceMm, r.DistanceMm, r.Ts), geometry, day.Zone);
        }

        return record.Fills.Pending;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
