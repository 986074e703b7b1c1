using MQTTnet.Formatter;

namespace CampWater.Testing;

/// <summary>How an <see cref="MqttTestClient"/> connects.</summary>
public sealed record MqttTestClientOptions
{
    /// <summary>Defaults to a new unique id.</summary>
    public string? ClientId { get; init; }

    /// <summary>False for a persistent session: the broker keeps subscriptions and queues QoS 1 messages while offline.</summary>
    public bool CleanSession { get; init; } = true;

    /// <summary>MQTT 5 session expiry; unset means "never" for a persistent session and 0 for a clean one.</summary>
    public uint? SessionExpirySeconds { get; init; }

    public MqttProtocolVersion ProtocolVersion { get; init; } = MqttProtocolVersion.V500;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
