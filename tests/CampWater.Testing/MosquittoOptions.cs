namespace CampWater.Testing;

/// <summary>How <see cref="MosquittoServer"/> configures the broker.</summary>
public sealed record MosquittoOptions
{
    /// <summary>
    /// Keeps sessions and queued messages in the server's data folder across a graceful restart
    /// (<see cref="ServerProcess.StopAsync"/>): mosquitto writes its database on SIGTERM, not on SIGKILL.
    /// </summary>
    public bool Persistence { get; init; }

    /// <summary>Queued messages per offline persistent session; unset means 100000 with persistence and mosquitto's 1000 without.</summary>
    public int? MaxQueuedMessages { get; init; }

    /// <summary>QoS 1 and 2 messages in flight per client; unset means mosquitto's default (20).</summary>
    public int? MaxInflightMessages { get; init; }

    /// <summary>Appended to mosquitto.conf as they are.</summary>
    public IReadOnlyList<string> ExtraConfigLines { get; init; } = [];

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
