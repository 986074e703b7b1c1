namespace CampWater.Silo.Simulation;

/// <summary>What a simulated sensor sends, in the native payload's terms.</summary>
public readonly record struct SimulatedReading(DateTimeOffset Ts, double DistanceMm, double BatteryPct, int Rssi, long Seq)
{
    public string ToJson() =>
        $"{{\"ts\":\"{Ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"distanceMm\":{DistanceMm.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"batteryPct\":{BatteryPct.ToString(System.Globalization.CultureInfo.InvariantCulture)},\"rssi\":{Rssi},\"seq\":{Seq}}}";
}
