namespace CampWater.Silo.Simulation;

/// <summary>What a simulated sensor sends, in the native payload's terms.</summary>
public readonly record struct SimulatedReading(DateTimeOffset Ts, double DistanceMm, double BatteryPct, int Rssi, long Seq)
{
    /// <summary>A lithium thionyl chloride cell: about 3.6 V full, 3.0 V empty.</summary>
    public double BatteryV => Math.Round(3.0 + 0.6 * BatteryPct / 100, 3);

    public double Snr => Math.Round(Math.Clamp((Rssi + 120) / 3.0, -15, 12), 1);

    public string ToJson() =>
        $"{{\"ts\":\"{Ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"distanceMm\":{DistanceMm.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"batteryPct\":{BatteryPct.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"rssi\":{Rssi},\"seq\":{Seq}}}";
}
