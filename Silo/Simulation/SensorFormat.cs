namespace CampWater.Silo.Simulation;

/// <summary>How a simulated sensor's readings reach the broker.</summary>
public enum SensorFormat
{
    /// <summary>The native topic and payload of docs/sensors.md.</summary>
    Native,

    /// <summary>A ChirpStack v4 <c>event/up</c>, as its MQTT integration publishes it.</summary>
    ChirpStack,

    /// <summary>A The Things Stack v3 <c>up</c> message.</summary>
    ThingsStack,
}
