using System.Globalization;
using CampWater.Testing;

namespace CampWater.Durability;

/// <summary>
/// The production shape on one machine: mosquitto with persistence and a deep queue, Redis with its
/// append-only file, and silos as separate OS processes on storage provider <c>redis</c>.
/// </summary>
public sealed class DurableCluster : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly List<DotnetHostProcess> _silos = [];
    private readonly string _clusterId = "campwater-" + Guid.NewGuid().ToString("N")[..8];

    private DurableCluster(MosquittoServer mosquitto, RedisServer redis)
    {
        Mosquitto = mosquitto;
        Redis = redis;
        RegistryPath = Path.Combine(_dir.Path, "camps.json");
    }

    public MosquittoServer Mosquitto { get; }

    public RedisServer Redis { get; }

    public string RegistryPath { get; }

    public IReadOnlyList<DotnetHostProcess> Silos => _silos;

    public string ClusterId => _clusterId;

    /// <summary>Starts the Dashboard as its own process, an Orleans client of this cluster.</summary>
    public async Task<DotnetHostProcess> StartDashboardAsync()
    {
        var http = FreePort.Next();
        var dashboard = await DotnetHostProcess.StartAsync(new DotnetHostOptions
        {
            DllPath = RepoPaths.BuiltDll(Path.Combine("Dashboard", "Host"), "CampWater.Dashboard.Host"),
            Arguments =
            [
                "--environment", "Production",
                "--Urls", $"http://127.0.0.1:{http}",
                "--CampWater:Storage:Provider", "redis",
                "--CampWater:Redis:ConnectionString", Redis.ConnectionString,
                "--CampWater:Cluster:ClusterId", _clusterId,
                "--Logging:LogLevel:Default", "Warning",
                "--CampWater:Auth:Enabled", "false",
            ],
            Name = "dashboard",
            ReadyUrl = $"http://127.0.0.1:{http}/health/ready",
            StartTimeout = TimeSpan.FromSeconds(90),
        });
        _silos.Add(dashboard);
        return dashboard;
    }

    public static async Task<DurableCluster> StartAsync(string registryJson)
    {
        var mosquitto = await MosquittoServer.StartAsync(new MosquittoOptions { Persistence = true, MaxQueuedMessages = 100_000 });
        var redis = await RedisServer.StartAsync(appendOnly: true);
        var cluster = new DurableCluster(mosquitto, redis);
        await File.WriteAllTextAsync(cluster.RegistryPath, registryJson);
        return cluster;
    }

    /// <summary>Starts one more silo on its own ports, with its own ingestion client id; returns its API base URL.</summary>
    public async Task<DotnetHostProcess> StartSiloAsync(string name, string? sharedGroup = null, IEnumerable<string>? extraArguments = null)
    {
        var http = FreePort.Next();
        string[] arguments =
        [
            "--environment", "Production",
            "--Urls", $"http://127.0.0.1:{http}",
            "--CampWater:Registry", RegistryPath,
            "--CampWater:Storage:Provider", "redis",
            "--CampWater:Redis:ConnectionString", Redis.ConnectionString,
            "--CampWater:Cluster:ClusterId", _clusterId,
            "--CampWater:Cluster:AdvertisedAddress", "127.0.0.1",
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Mqtt:Host", Mosquitto.Host,
            "--CampWater:Mqtt:Port", Mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            "--CampWater:Mqtt:ClientId", $"campwater-{_clusterId}-{name}",
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks", "None",
            "--Logging:LogLevel:CampWater", "Information",
            "--CampWater:Auth:Enabled", "false",
            .. sharedGroup is null ? Array.Empty<string>() : ["--CampWater:Mqtt:SharedGroup", sharedGroup],
            .. extraArguments ?? [],
        ];
        var silo = await DotnetHostProcess.StartAsync(new DotnetHostOptions
        {
            DllPath = RepoPaths.SiloDll,
            Arguments = arguments,
            Name = "silo " + name,
            ReadyUrl = $"http://127.0.0.1:{http}/health/ready",
            StartTimeout = TimeSpan.FromSeconds(90),
        });
        _silos.Add(silo);
        return silo;
    }

    public static string BaseUrl(DotnetHostProcess silo) =>
        new Uri(silo.Options.ReadyUrl!).GetLeftPart(UriPartial.Authority);

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            await silo.DisposeAsync();
        }

        await Mosquitto.DisposeAsync();
        await Redis.DisposeAsync();
        _dir.Dispose();
    }
}
