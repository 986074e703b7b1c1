using System.Globalization;
using System.Net.Http.Json;
using CampWater.Dashboard.Hosting;
using CampWater.Silo.Hosting;
using CampWater.Testing;
using Microsoft.AspNetCore.Builder;

namespace CampWater.ArchiveTests;

/// <summary>
/// A CampWater host in this process on free ports, fed by a real mosquitto, archiving to a real
/// VictoriaMetrics through <c>CampWater:Archive:Provider</c> <c>influxdb</c>.
/// </summary>
public abstract class ArchiveHostFixture : IAsyncLifetime
{
    private readonly TempDirectory _dir = new("campwater-archive");
    private WebApplication? _app;
    private MosquittoServer? _mosquitto;

    public VictoriaMetricsServer Archive { get; private set; } = null!;

    public MosquittoServer Broker => _mosquitto!;

    public HttpClient Http { get; private set; } = null!;

    public string SpillDirectory => _dir.Combine("spill");

    /// <summary>The <c>CampWater:Archive:*</c> settings beyond the server's address.</summary>
    protected abstract IEnumerable<string> ArchiveArgs { get; }

    public async ValueTask InitializeAsync()
    {
        Archive = await VictoriaMetricsServer.StartAsync();
        _mosquitto = await MosquittoServer.StartAsync(new MosquittoOptions { MaxQueuedMessages = 100_000 });
        var registry = _dir.Combine("camps.json");
        await File.WriteAllTextAsync(registry, ArchiveRegistry.Json);
        var baseUrl = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}";
        string[] args =
        [
            "--environment", "Production",
            "--Urls", baseUrl,
            "--CampWater:Registry", registry,
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Mqtt:ClientId", "campwater-archive-" + Guid.NewGuid().ToString("N")[..8],
            "--CampWater:Mqtt:Host", _mosquitto.Host,
            "--CampWater:Mqtt:Port", _mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            "--CampWater:Archive:Provider", "influxdb",
            "--CampWater:Archive:InfluxDb:Url", Archive.Url,
            "--CampWater:Archive:InfluxDb:Token", "test-token",
            "--CampWater:Archive:InfluxDb:Org", "campwater",
            "--CampWater:Archive:InfluxDb:Bucket", "campwater",
            "--Logging:LogLevel:Default", "Warning",
            "--CampWater:Auth:Enabled", "false",
            .. ArchiveArgs,
        ];
        _app = CampWaterHost.Build(args);
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.ValueAsync(
            async () =>
            {
                try
                {
                    return (await Http.GetAsync("/health/ready")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            ready => ready, TimeSpan.FromSeconds(30), "the host to be ready");
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }

        if (Archive is not null)
        {
            await Archive.DisposeAsync();
        }

        _dir.Dispose();
    }

    public Task<MqttTestClient> ConnectSensorAsync() => MqttTestClient.ConnectAsync(Broker);

    public async Task<T> GetAsync<T>(string path) => (await Http.GetFromJsonAsync<T>(path, CampWaterJson.Options))!;

    /// <summary>The value of one sample of <c>/metrics</c>, e.g. <c>campwater_archive_queue_depth</c>.</summary>
    public async Task<double> MetricAsync(string sample)
    {
        var text = await Http.GetStringAsync("/metrics");
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(sample + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(sample.Length + 1)..], CultureInfo.InvariantCulture);
            }
        }

        throw new Xunit.Sdk.XunitException($"/metrics has no sample '{sample}'.");
    }
}

/// <summary>Defaults, but written soon: a small batch wait and coverage sent every second.</summary>
public sealed class BulkArchiveFixture : ArchiveHostFixture
{
    protected override IEnumerable<string> ArchiveArgs =>
    [
        "--CampWater:Archive:FlushIntervalSeconds", "0.2",
        "--CampWater:Archive:CoverageIntervalSeconds", "1",
    ];
}

/// <summary>
/// A memory buffer of 1,000 points, smaller than a minute of the steady readings, with a spill folder:
/// an outage must go through the disk. Retries at most 2 s apart, so the test sees the return soon.
/// </summary>
public sealed class OutageArchiveFixture : ArchiveHostFixture
{
    protected override IEnumerable<string> ArchiveArgs =>
    [
        "--CampWater:Archive:BufferSize", "1000",
        "--CampWater:Archive:BatchSize", "200",
        "--CampWater:Archive:SpillDirectory", SpillDirectory,
        "--CampWater:Archive:FlushIntervalSeconds", "0.2",
        "--CampWater:Archive:RetryMaxSeconds", "2",
        "--CampWater:Archive:CoverageIntervalSeconds", "1",
    ];
}
