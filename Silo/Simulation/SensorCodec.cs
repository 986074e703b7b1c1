namespace CampWater.Silo.Simulation;

/// <summary>The decoded payload a LoRaWAN sensor's codec produces.</summary>
public enum SensorCodec
{
    /// <summary><c>{ "distanceMm": 1234, "batteryPct": 87 }</c>.</summary>
    Plain,

    /// <summary>Dragino LDDS75: strings with units, <c>{ "Bat": "3.52 V", "Distance": "1234 mm", ... }</c>.</summary>
    Ldds75,

    /// <summary>Milesight EM500-UDL: <c>{ "battery": 87, "distance": 1234 }</c>.</summary>
    Em500Udl,
}
