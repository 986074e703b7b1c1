namespace CampWater.Silo.Simulation;

/// <summary>A simulated tank with the sensor on it: how it publishes and which scenarios it plays.</summary>
public sealed record SimulatedSensor(SimulatedTank Tank, string? DevEui, SensorFormat Format, SensorCodec Codec)
{
    public string CampId => Tank.CampId;

    public string TankId => Tank.TankId;
}
