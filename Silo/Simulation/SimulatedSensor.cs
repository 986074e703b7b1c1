namespace CampWater.Silo.Simulation;

/// <summary>A simulated tank with the sensor on it: how it publishes and which scenarios it plays.</summary>
public sealed record SimulatedSensor(SimulatedTank Tank, string? DevEui, SensorFormat Format, SensorCodec Codec)
{
    public string CampId => Tank.CampId;

    public string TankId => Tank.TankId;

    /// <summary>A Milesight EM500-UDL on LoRaWAN stores the readings that no gateway heard and resends them as its history.</summary>
    public bool Stores => Format != SensorFormat.Native && Codec == SensorCodec.Em500Udl;

    /// <summary>Readings waiting for the next uplink.</summary>
    public List<SimulatedReading> Stored { get; } = [];

    /// <summary>The tank's online chlorine analyser, when a scenario gives it one.</summary>
    public SimulatedChlorine? Chlorine { get; init; }

    /// <summary>When the chlorine analyser reads next.</summary>
    public DateTimeOffset NextQualityAt { get; set; }
}
