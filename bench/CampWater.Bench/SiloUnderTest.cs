using System.Globalization;
using CampWater.Testing;

namespace CampWater.Bench;

/// <summary>The silo as a separate process, as it runs in production, on the benchmark's broker and storage.</summary>
public sealed class SiloUnderTest : IAsyncDisposable
{
    private SiloUnderTest(DotnetHostProcess process, Uri baseUrl)
    {
        Process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public DotnetHostProcess Process { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    public int Pid => Process.ProcessId ?? throw new InvalidOperationException("The silo is not running:\n" + Process.Output);

    public static async Task<SiloUnderTest> StartAsync(
        string storage, string registryPath, MosquittoServer broker, RedisServer? redis, TimeSpan startTimeout, IReadOnlyDictionary<string, string?> environment)
    {
        var http = FreePort.Next();
        List<string> arguments =
        [
            "--environment", "Production",
            "--Urls", $"http://127.0.0.1:{http}",
            "--CampWater:Registry", registryPath,
            "--CampWater:Storage:Provider", storage,
            "--CampWater:Auth:Enabled", "false",
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:ClusterId", "bench-" + Guid.NewGuid().ToString("N")[..8],
            "--CampWater:Cluster:AdvertisedAddress", "127.0.0.1",
            "--CampWater:Mqtt:Host", broker.Host,
            "--CampWater:Mqtt:Port", broker.Port.ToString(CultureInfo.InvariantCulture),
            "--CampWater:Mqtt:ClientId", "campwater-bench-" + Guid.NewGuid().ToString("N")[..8],
            "--Logging:LogLevel:Default", "Warning",
        ];
        if (redis is not null)
        {
            arguments.AddRange(["--CampWater:Redis:ConnectionString", redis.ConnectionString]);
        }

        var process = await DotnetHostProcess.StartAsync(new DotnetHostOptions
        {
            DllPath = RepoPaths.SiloDll,
            Arguments = arguments,
            Name = $"silo ({storage})",
            ReadyUrl = $"http://127.0.0.1:{http}/health/ready",
            StartTimeout = startTimeout,
            Environment = environment,
        });
        return new SiloUnderTest(process, new Uri($"http://127.0.0.1:{http}/"));
    }

    public Task<MetricsScrape> ScrapeAsync(CancellationToken cancellationToken = default) => MetricsScrape.ReadAsync(Http, cancellationToken);

    public ProcStats Stats() => ProcStats.Read(Pid);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }
}
