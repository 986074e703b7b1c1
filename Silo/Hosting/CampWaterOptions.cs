namespace CampWater.Silo.Hosting;

/// <summary>The <c>CampWater</c> configuration section (docs/configuration.md), bound once at start and validated.</summary>
public sealed class CampWaterOptions
{
    public const string Section = "CampWater";

    /// <summary>The registry file; default <c>camps.json</c>, or the demo file in Development.</summary>
    public string? Registry { get; set; }

    public SimulationOptions Simulation { get; set; } = new();

    public MqttOptions Mqtt { get; set; } = new();

    public StorageOptions Storage { get; set; } = new();

    public RedisOptions Redis { get; set; } = new();

    public ArchiveOptions Archive { get; set; } = new();

    public ClusterOptions Cluster { get; set; } = new();

    public Notifications.NotifyOptions Notify { get; set; } = new();

    public Trucking.DeliveriesOptions Deliveries { get; set; } = new();

    /// <summary>Fills the defaults that depend on other keys.</summary>
    public CampWaterOptions WithDefaults()
    {
        if (string.IsNullOrWhiteSpace(Mqtt.ClientId))
        {
            Mqtt.ClientId = Storage.IsShared
                ? $"campwater-ingest-{Environment.MachineName.ToLowerInvariant()}-{Cluster.SiloPort}"
                : "campwater-ingest";
        }

        return this;
    }
}

public sealed class SimulationOptions
{
    /// <summary>Null means: on in Development, off elsewhere.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Seconds between two readings of one simulated sensor.</summary>
    public double IntervalSeconds { get; set; } = 5;

    /// <summary>Seed of the simulation, so that a demo can be replayed.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// Days of history the simulation replays at start, through MQTT, before it goes on live, so that a demo opens
    /// on a week of levels, coverage and alerts. Null means: 7 in Development, 0 elsewhere.
    /// </summary>
    public int? HistoryDays { get; set; }

    /// <summary>
    /// Scenarios played in that history, as <c>simulate --scenario</c> takes them (<c>kind:target[@+offset]</c>, the
    /// offset from the first replayed day). Null means the demo's: <see cref="Simulation.DemoWeek.Scenarios"/>.
    /// </summary>
    public List<string>? Scenarios { get; set; }
}

public sealed class MqttOptions
{
    /// <summary>An external broker; when set, no broker is embedded.</summary>
    public string? Host { get; set; }

    public int? Port { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }

    /// <summary>
    /// The ingestion client's id. Each silo needs its own, stable across restarts so that its persistent
    /// session (and what the broker held for it while the silo was down) is found again. Unset:
    /// <c>campwater-ingest</c>, or with shared storage, where several silos run, one naming the machine and
    /// the silo port.
    /// </summary>
    public string ClientId { get; set; } = "";

    /// <summary>
    /// Unset: one silo ingests everything. Set (e.g. <c>campwater</c>) when several silos run: each
    /// subscribes to <c>$share/{group}/...</c> so that every reading goes to exactly one of them.
    /// </summary>
    public string? SharedGroup { get; set; }

    /// <summary>How long the broker keeps this silo's session (and its queued readings) while it is away.</summary>
    public uint SessionExpirySeconds { get; set; } = 7 * 24 * 3600;

    public EmbeddedBrokerOptions Embedded { get; set; } = new();

    public bool IsEmbedded => string.IsNullOrWhiteSpace(Host);
}

public sealed class EmbeddedBrokerOptions
{
    public int Port { get; set; } = 1883;
}

public sealed class StorageOptions
{
    /// <summary><c>memory</c> or <c>redis</c>.</summary>
    public string Provider { get; set; } = "memory";

    /// <summary>True when several silos share state (and so the readings, through a shared subscription).</summary>
    public bool IsShared => Provider == "redis";
}

public sealed class RedisOptions
{
    public string ConnectionString { get; set; } = "localhost:6379";
}

public sealed class ArchiveOptions
{
    /// <summary><c>none</c> or <c>influxdb</c>.</summary>
    public string Provider { get; set; } = "none";

    public Archive.InfluxDbOptions InfluxDb { get; set; } = new();

    /// <summary>Points held in memory while the server is slow or down; beyond it they spill or are dropped (and counted).</summary>
    public int BufferSize { get; set; } = 200_000;

    /// <summary>A folder for points once memory is half full and for what is left at shutdown; unset = memory only.</summary>
    public string? SpillDirectory { get; set; }

    /// <summary>The most the spill folder may hold, in megabytes.</summary>
    public int SpillMaxMegabytes { get; set; } = 1024;

    /// <summary>Points per write request.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>How long a partial batch waits for more points before it is written.</summary>
    public double FlushIntervalSeconds { get; set; } = 1;

    /// <summary>The longest wait between two attempts while the server is down or answers errors.</summary>
    public double RetryMaxSeconds { get; set; } = 30;

    /// <summary>How often a camp sends the coverage of days that changed.</summary>
    public double CoverageIntervalSeconds { get; set; } = 60;

    /// <summary>How long shutdown waits for the buffer to be written.</summary>
    public double ShutdownTimeoutSeconds { get; set; } = 10;
}

/// <summary>Orleans endpoints; defaults suit one silo on one machine.</summary>
public sealed class ClusterOptions
{
    public string ClusterId { get; set; } = "campwater";

    public string ServiceId { get; set; } = "campwater";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos and clients reach this silo at. Unset: the machine's own address when
    /// the storage is shared (redis), loopback otherwise.
    /// </summary>
    public string? AdvertisedAddress { get; set; }
}
