namespace CampWater.Silo.Simulation;

/// <summary>One MQTT message of a simulated sensor.</summary>
public sealed record SensorMessage(string CampId, string TankId, string Topic, byte[] Payload)
{
    public string PayloadText => System.Text.Encoding.UTF8.GetString(Payload);
}
