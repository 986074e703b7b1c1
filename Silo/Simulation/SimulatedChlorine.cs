using System.Globalization;

namespace CampWater.Silo.Simulation;

/// <summary>
/// An online chlorine analyser on a tank: free residual chlorine steady near what the operator doses (0.6 to
/// 0.9 mg/L), read with the noise of an amperometric probe (σ 0.015 mg/L), turbidity about 1 NTU and pH about
/// 7.3. In a <c>chlorine-drop</c> (a doser that clogs, a chlorine stock that runs out) the chlorine falls
/// evenly to 0.1 mg/L over <see cref="Scenario.ChlorineDropTime"/>, through the 0.2 mg/L minimum in its last
/// hours, and stays there. Deterministic for a seed.
/// </summary>
public sealed class SimulatedChlorine
{
    public const double DroppedToMgL = 0.1;
    private const double NoiseMgL = 0.015;

    private readonly Random _random;
    private readonly double _dosedMgL;
    private readonly double _turbidityNtu;
    private readonly double _ph;

    public SimulatedChlorine(int seed)
    {
        _random = new Random(seed);
        _dosedMgL = Math.Round(0.6 + 0.3 * _random.NextDouble(), 2);
        _turbidityNtu = Math.Round(0.6 + 0.8 * _random.NextDouble(), 1);
        _ph = Math.Round(7.1 + 0.4 * _random.NextDouble(), 1);
    }

    /// <summary>When the chlorine began to fall; null while it is dosed as it should be.</summary>
    public DateTimeOffset? DropFrom { get; set; }

    /// <summary>The chlorine in the water at <paramref name="at"/>, before the probe's noise.</summary>
    public double TrueFrcMgL(DateTimeOffset at)
    {
        if (DropFrom is not { } from || at <= from)
        {
            return _dosedMgL;
        }

        var share = Math.Min(1, (at - from) / Scenario.ChlorineDropTime);
        return _dosedMgL - (_dosedMgL - DroppedToMgL) * share;
    }

    /// <summary>The analyser's reading at <paramref name="at"/>, as its native payload.</summary>
    public string Read(DateTimeOffset at)
    {
        var frc = Math.Max(0, Math.Round(TrueFrcMgL(at) + Normal() * NoiseMgL, 2));
        var turbidity = Math.Max(0, Math.Round(_turbidityNtu + Normal() * 0.1, 1));
        var ph = Math.Round(_ph + Normal() * 0.03, 2);
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"ts\":\"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"frcMgL\":{frc},\"turbidityNtu\":{turbidity},\"ph\":{ph}}}");
    }

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
}
