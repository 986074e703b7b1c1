using Xunit;

namespace CampWater.Water;

/// <summary>
/// Against the Ø 2000 × 3000 mm cylinder: every millimetre of level is π = 3.14159 L. The estimates are certain
/// (variance 0) and the sensor's accuracy is 10 mm, so the band is the 10 mm of the accuracy alone.
/// </summary>
public sealed class DrawLedgerTests
{
    private static readonly TankGeometry s_tank = Tanks.VerticalCylinder2000By3000;

    private static readonly DateTimeOffset s_t0 = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    private static EstimatePoint Point(int minute, double levelMm) => new(s_t0.AddMinutes(minute), levelMm, 0, 0, 10, null);

    private static (double DrawnL, double DeliveredL) Run(IEnumerable<double> levelsMm)
    {
        var filter = new NoiseFilter();
        double drawn = 0;
        double delivered = 0;
        var minute = 0;
        foreach (var level in levelsMm)
        {
            var step = DrawLedger.Step(filter, Point(minute++, level), s_tank);
            drawn += step.DrawnL;
            delivered += step.DeliveredL;
        }

        return (drawn, delivered);
    }

    [Fact]
    public void First_reading_counts_0_litres_and_becomes_the_anchor()
    {
        var filter = new NoiseFilter();
        var step = DrawLedger.Step(filter, Point(0, 1500), s_tank);

        Assert.Equal(0, step.DrawnL);
        Assert.Equal(0, step.DeliveredL);
        Assert.Equal((1500, 0), (filter.AnchorLevelMm, filter.Direction));
    }

    [Fact]
    public void Noise_of_plus_or_minus_5_mm_around_a_steady_level_counts_0_litres()
    {
        var levels = Enumerable.Range(0, 500).Select(i => 1500 + (i % 2 == 0 ? 5.0 : -5.0));

        var (drawn, delivered) = Run(levels);

        Assert.Equal(0, drawn);
        Assert.Equal(0, delivered);
    }

    [Fact]
    public void Noise_of_plus_or_minus_10_mm_around_a_steady_level_first_read_at_its_middle_counts_0_litres()
    {
        double[] swing = [0, 10, -10, 7, -3, 10, -10, -10, 10, 0];
        var levels = Enumerable.Range(0, 50).SelectMany(_ => swing).Select(n => 1500 + n);

        var (drawn, delivered) = Run(levels);

        Assert.Equal(0, drawn);
        Assert.Equal(0, delivered);
    }

    [Fact]
    public void A_single_fall_of_11_mm_counts_34_56_litres_drawn()
    {
        // 11 mm · π = 34.558 L: just over the 10 mm noise band, so counted in full.
        var (drawn, delivered) = Run([1500, 1489]);

        Assert.Equal(34.558, drawn, 3);
        Assert.Equal(0, delivered);
    }

    [Fact]
    public void A_slow_steady_draw_of_2_mm_a_minute_for_10_hours_counts_3769_9_litres_within_10_mm_worth()
    {
        // 600 minutes · 2 mm = 1200 mm from 2700 to 1500 mm; 1200 · π = 3,769.911 L; 10 mm = 31.4 L.
        var levels = Enumerable.Range(0, 601).Select(minute => 2700 - (2.0 * minute));

        var (drawn, delivered) = Run(levels);

        Assert.Equal(3769.911, drawn, 31.416);
        Assert.Equal(0, delivered);
    }

    [Fact]
    public void A_refill_from_600_to_2400_mm_counts_5654_9_litres_delivered_and_none_drawn()
    {
        // 1800 mm · π = 5,654.867 L, at 30 mm a minute.
        var levels = Enumerable.Range(0, 61).Select(minute => 600 + (30.0 * minute));

        var (drawn, delivered) = Run(levels);

        Assert.Equal(0, drawn);
        Assert.Equal(5654.867, delivered, 3);
    }

    [Fact]
    public void A_bounce_of_8_mm_during_a_draw_counts_nothing_and_the_draw_goes_on_from_its_lowest_level()
    {
        // 1500 → 1480 counts 20 mm; up to 1488 is noise; down to 1470 counts the 10 mm below 1480.
        var (drawn, delivered) = Run([1500, 1480, 1488, 1470]);

        Assert.Equal(30 * Math.PI, drawn, 9);
        Assert.Equal(0, delivered);
    }

    [Fact]
    public void A_refill_after_a_draw_counts_both_ways_once_it_passes_the_noise_band()
    {
        // Down 100 mm, then up 300 mm: 314.159 L drawn, 942.478 L delivered.
        var (drawn, delivered) = Run([1500, 1450, 1400, 1405, 1412, 1500, 1700]);

        Assert.Equal(314.159, drawn, 3);
        Assert.Equal(942.478, delivered, 3);
    }

    [Fact]
    public void Drawn_is_5655_litres_within_1_percent_for_a_day_falling_from_90_to_30_percent_with_4_mm_noise()
    {
        // 90 % → 30 % of 3000 mm is 2700 → 900 mm: 1800 mm · π = 5,654.867 L; 1 % = 56.5 L.
        // One reading a minute for 24 h, each with deterministic noise in [−4, +4] mm.
        var noise = new PseudoNoise(seed: 20261129);
        var levels = Enumerable.Range(0, 1441)
            .Select(minute => 2700 - (1800.0 * minute / 1440) + noise.Next(4))
            .ToArray();

        var (drawn, delivered) = Run(levels);

        Assert.Equal(5654.867, drawn, 56.549);
        Assert.Equal(0, delivered);
    }

    [Fact]
    public void Drawn_is_5655_litres_when_a_2000_by_3000_mm_cylinder_falls_from_90_to_30_percent()
    {
        var (drawn, delivered) = Run([2700, 900]);

        Assert.Equal(5654.867, drawn, 3);
        Assert.Equal(0, delivered);
    }

    /// <summary>A linear congruential generator, so the noise is the same on every machine and run.</summary>
    private sealed class PseudoNoise(uint seed)
    {
        private uint _state = seed;

        public double Next(double amplitude)
        {
            _state = unchecked((_state * 1664525) + 1013904223);
            return ((_state / (double)uint.MaxValue * 2) - 1) * amplitude;
        }
    }
}
