using MQTTnet.Protocol;

namespace CampWater.Load;

/// <summary>What the load generator publishes, where, and how fast.</summary>
public sealed record LoadOptions
{
    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 1883;

    /// <summary>Readings per second over all tanks; 0 publishes as fast as the broker takes them.</summary>
    public double Rate { get; init; } = 1000;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>When set, every tank publishes exactly this many readings and <see cref="Duration"/> is ignored.</summary>
    public int? ReadingsPerTank { get; init; }

    public MqttQualityOfServiceLevel Qos { get; init; } = MqttQualityOfServiceLevel.AtLeastOnce;

    public PayloadFormat Format { get; init; } = PayloadFormat.Native;

    /// <summary>MQTT connections; each tank always publishes on the same one, so its readings stay in order.</summary>
    public int Connections { get; init; } = 4;

    /// <summary>QoS 1 publishes awaiting the broker's PUBACK at once, per connection.</summary>
    public int Window { get; init; } = 512;

    public string ClientIdPrefix { get; init; } = "campwater-load";
}
