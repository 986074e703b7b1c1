using System.Globalization;
using Xunit;

namespace CampWater.FieldData;

/// <summary>
/// The ledger on generated field days (see <see cref="FieldDay"/>): every tank shape, readings every 1, 5 and
/// 20 minutes with 10 % lost, noise at the stated accuracy, one false echo in 200, six seeds each. Each test
/// prints every case and the worst error seen.
/// </summary>
public sealed class FieldDataTests(ITestOutputHelper output)
{
    private static readonly double[] s_intervals = [1, 5, 20];

    private static readonly int[] s_seeds = [1, 2, 3, 4, 5, 6];

    [Fact]
    public void A_steady_tank_books_under_1_percent_of_its_capacity_drawn_and_delivered_over_a_day()
    {
        var worst = Cases((tank, interval, seed) => new FieldDay
        {
            Tank = tank, IntervalMinutes = interval, Seed = seed, DrawLph = _ => 0, StartShare = 0.5,
        }).Select(c => (c.Case, c.Result, Pct: Math.Max(c.Result.DrawnL, c.Result.DeliveredL) / c.Result.CapacityL * 100)).ToList();

        foreach (var (name, r, pct) in worst)
        {
            output.WriteLine(Invariant($"{name}: drawn {r.DrawnL:0.0} L, delivered {r.DeliveredL:0.0} L of {r.CapacityL:0} L ({pct:0.00} %), wild {r.WildFound} of {r.WildSent} sent"));
        }

        var max = worst.MaxBy(w => w.Pct);
        output.WriteLine(Invariant($"worst: {max.Case} at {max.Pct:0.00} % of capacity"));
        Assert.All(worst, w => Assert.True(w.Pct < 1, Invariant($"{w.Case}: {w.Pct:0.00} % of capacity booked on a steady tank")));
    }

    [Fact]
    public void A_day_of_draws_and_three_truck_fills_books_drawn_and_delivered_within_3_percent_of_the_truth()
    {
        // People draw a tankful a day; trucks bring 35 % of it at 07:00, 12:00 and 17:00, 30 minutes each, while they draw.
        var results = Cases((tank, interval, seed) =>
        {
            var capacity = Water.TankGeometry.From(tank.Config).CapacityL;
            return new FieldDay
            {
                Tank = tank, IntervalMinutes = interval, Seed = seed, StartShare = 0.4,
                DrawLph = DrawProfile.Daily(capacity, seed),
                Fills = [new(7, 0.5, 0.35 * capacity), new(12, 0.5, 0.35 * capacity), new(17, 0.5, 0.35 * capacity)],
            };
        }).ToList();

        AssertWithin3Percent(results, delivered: true);
    }

    [Fact]
    public void A_draw_of_1_percent_of_capacity_an_hour_books_within_3_percent_of_the_truth()
    {
        var results = Cases((tank, interval, seed) =>
        {
            var capacity = Water.TankGeometry.From(tank.Config).CapacityL;
            return new FieldDay { Tank = tank, IntervalMinutes = interval, Seed = seed, StartShare = 0.9, DrawLph = _ => 0.01 * capacity };
        }).ToList();

        AssertWithin3Percent(results, delivered: false);
    }

    private void AssertWithin3Percent(List<(string Case, FieldResult Result)> results, bool delivered)
    {
        foreach (var (name, r) in results)
        {
            output.WriteLine(Invariant(
                $"{name}: drawn {r.DrawnL:0} of {r.TrueDrawnL:0} L ({r.DrawnErrorPct:+0.00;-0.00} %), delivered {r.DeliveredL:0} of {r.TrueDeliveredL:0} L ({(delivered ? r.DeliveredErrorPct : 0):+0.00;-0.00} %), estimated during fills {r.EstimatedL:0} L, wild {r.WildFound} of {r.WildSent} sent"));
        }

        var worstDrawn = results.MaxBy(r => Math.Abs(r.Result.DrawnErrorPct));
        output.WriteLine(Invariant($"worst drawn: {worstDrawn.Case} at {worstDrawn.Result.DrawnErrorPct:+0.00;-0.00} %"));
        if (delivered)
        {
            var worstDelivered = results.MaxBy(r => Math.Abs(r.Result.DeliveredErrorPct));
            output.WriteLine(Invariant($"worst delivered: {worstDelivered.Case} at {worstDelivered.Result.DeliveredErrorPct:+0.00;-0.00} %"));
        }

        Assert.All(results, r =>
        {
            Assert.True(Math.Abs(r.Result.DrawnErrorPct) <= 3, Invariant($"{r.Case}: drawn {r.Result.DrawnErrorPct:+0.00;-0.00} % from the truth"));
            Assert.True(!delivered || Math.Abs(r.Result.DeliveredErrorPct) <= 3, Invariant($"{r.Case}: delivered {r.Result.DeliveredErrorPct:+0.00;-0.00} % from the truth"));
        });
    }

    private static IEnumerable<(string Case, FieldResult Result)> Cases(Func<FieldTank, double, int, FieldDay> day)
    {
        foreach (var tank in FieldTank.All)
        {
            foreach (var interval in s_intervals)
            {
                foreach (var seed in s_seeds)
                {
                    yield return (Invariant($"{tank}, every {interval} min, seed {seed}"), day(tank, interval, seed).Run());
                }
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
