namespace CampWater.FieldData;

/// <summary>
/// How a camp draws through the day: nothing in the small hours, a morning and an evening crowd, steady in
/// between, the rate at the middle of each hour and linear between; five-minute spells 25 % either way of it.
/// </summary>
internal static class DrawProfile
{
    // Hour 0 to 23.
    private static readonly double[] s_shares =
        Normalise([0, 0, 0, 0, 0.3, 1.6, 2.2, 2.0, 1.6, 1.0, 0.9, 0.9, 0.8, 0.7, 0.9, 1.1, 1.6, 2.0, 1.8, 1.2, 0.8, 0.4, 0.2, 0.05]);

    public static Func<double, double> Daily(double litresPerDay, int seed)
    {
        var random = new Random((seed * 7) + 1);
        var spells = Enumerable.Range(0, 24 * 12).Select(_ => 0.75 + (0.5 * random.NextDouble())).ToArray();
        return hour =>
        {
            var x = hour - 0.5;
            var i = (int)Math.Floor(x);
            var f = x - i;
            var a = s_shares[((i % 24) + 24) % 24];
            var b = s_shares[(((i + 1) % 24) + 24) % 24];
            return litresPerDay * (a + ((b - a) * f)) * spells[(int)(hour * 12) % spells.Length];
        };
    }

    private static double[] Normalise(double[] weights)
    {
        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }
}
