using CampWater.Alerts;
using Xunit;
using static CampWater.Services.Tests;

namespace CampWater.Services;

/// <summary>
/// An online chlorine sensor as in the field: a reading every 10 minutes, noise at its stated accuracy
/// (±0.03 mg/L, σ half of it), a lost reading now and then, and a wild reading.
/// </summary>
public sealed class SensorDataTests
{
    private static IEnumerable<QualityReading> Sensor(Func<double, double> frcAtHour, int seed, double hours = 24)
    {
        var random = new Random(seed);
        for (var minutes = 0; minutes <= hours * 60; minutes += 10)
        {
            if (random.NextDouble() < 0.1)
            {
                continue; // lost uplink
            }

            var noise = Normal(random) * 0.015;
            var frc = Math.Max(0, Math.Round(frcAtHour(minutes / 60.0) + noise, 2));
            yield return new QualityReading(Morning.AddMinutes(minutes), "t1", null, frc, null, null, null, QualitySource.Sensor, "sensor");
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void A_steady_0_6_mg_per_litre_read_with_noise_for_a_day_raises_nothing()
    {
        var memory = new QualityMemory();

        var signals = Sensor(_ => 0.6, seed: 3).SelectMany(r => QualityRules.Judge(memory, r, Standard)).ToList();

        Assert.Empty(signals);
    }

    [Fact]
    public void Chlorine_falling_from_0_8_to_0_1_over_a_day_raises_low_chlorine_that_is_open_at_the_end()
    {
        var memory = new QualityMemory();
        var readings = Sensor(h => 0.8 - (0.7 * h / 24), seed: 11).ToList();

        var signals = readings.SelectMany(r => QualityRules.Judge(memory, r, Standard)).ToList();

        var raised = signals.Where(s => s.Holds).ToList();
        Assert.NotEmpty(raised);
        Assert.All(signals, s => Assert.Equal(AlertKind.QualityFrcLow, s.Kind));
        Assert.True(signals[^1].Holds, "the alert is open at the end of the day");
        // The first raise comes once a reading is below 0.2: no earlier than the true crossing at 20.6 h less the noise.
        Assert.InRange((raised[0].At - Morning).TotalHours, 19, 22);
        Assert.True(memory.Holding.ContainsKey(QualityMemory.Key(QualityPlace.Key("t1", null), AlertKind.QualityFrcLow)));
        TestContext.Current.TestOutputHelper?.WriteLine($"{readings.Count} readings, {raised.Count} raises, {signals.Count - raised.Count} resolves around the crossing");
    }

    [Fact]
    public void A_single_wild_reading_of_0_on_a_steady_0_6_raises_and_the_next_reading_resolves()
    {
        var memory = new QualityMemory();
        var readings = Sensor(_ => 0.6, seed: 5, hours: 2).ToList();
        readings[5] = readings[5] with { FrcMgL = 0 };

        var signals = readings.SelectMany(r => QualityRules.Judge(memory, r, Standard)).ToList();

        Assert.Equal(2, signals.Count);
        Assert.True(signals[0].Holds);
        Assert.Equal(readings[5].Ts, signals[0].At);
        Assert.False(signals[1].Holds);
        Assert.Equal(readings[6].Ts, signals[1].At);
    }
}
