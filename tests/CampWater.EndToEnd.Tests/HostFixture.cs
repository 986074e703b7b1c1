using System.Net.Http.Json;
using System.Text.Json;
using CampWater.Dashboard.Hosting;
using CampWater.Silo.Hosting;
using CampWater.Testing;
using Microsoft.AspNetCore.Builder;

namespace CampWater.EndToEnd;

/// <summary>
/// A CampWater host in this process on free ports, with the test registry, fed through a real broker:
/// a mosquitto child process (<see cref="MosquittoHostFixture"/>) or the host's embedded broker
/// (<see cref="EmbeddedBrokerHostFixture"/>).
/// </summary>
public abstract class HostFixture : IAsyncLifetime
{
    public const string CampId = "e2e";

    private readonly TempDirectory _dir = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public string BrokerHost => "127.0.0.1";

    public int BrokerPort { get; protected set; }

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host is not started.");

    public JsonSerializerOptions Json => CampWaterJson.Options;

    protected abstract Task<IEnumerable<string>> StartBrokerAsync();

    public async ValueTask InitializeAsync()
    {
        var brokerArgs = await StartBrokerAsync();
        var registry = Path.Combine(_dir.Path, "camps.json");
        await File.WriteAllTextAsync(registry, TestRegistry.Json);
        var httpPort = FreePort.Next();
        BaseUrl = $"http://127.0.0.1:{httpPort}";
        string[] args =
        [
            "--environment", "Production",
            "--Urls", BaseUrl,
            "--CampWater:Registry", registry,
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(),
            "--CampWater:Mqtt:ClientId", "campwater-e2e-" + Guid.NewGuid().ToString("N")[..8],
            "--Logging:LogLevel:Default", "Warning",
            "--CampWater:Auth:Enabled", "false", // these tests are about water and alerts; sign-in has its own tests
            .. brokerArgs,
        ];
        _app = CampWaterHost.Build(args);
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        await Eventually.HoldsAsync(async () => (await Http.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the host to be ready");
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        await StopBrokerAsync();
        _dir.Dispose();
    }

    protected virtual Task StopBrokerAsync() => Task.CompletedTask;

    public Task<MqttTestClient> ConnectSensorAsync() => MqttTestClient.ConnectAsync(BrokerHost, BrokerPort);

    public async Task<T> GetAsync<T>(string path) =>
        (await Http.GetFromJsonAsync<T>(path, Json))!;

    public async Task<JsonElement> GetJsonAsync(string path) =>
        await Http.GetFromJsonAsync<JsonElement>(path, Json);

    /// <summary>The value of one sample of <c>/metrics</c>, e.g. <c>campwater_readings_rejected_total{reason="oversize"}</c>.</summary>
    private static string Rejected(string reason) => $"campwater_readings_rejected_total{{reason=\"{reason}\"}}";

    /// <summary><c>campwater_readings_rejected_total</c> now, for each of <paramref name="reasons"/>.</summary>
    public async Task<Dictionary<string, double>> RejectionCountsAsync(IEnumerable<string> reasons)
    {
        var counts = new Dictionary<string, double>();
        foreach (var reason in reasons)
        {
            counts[reason] = await MetricAsync(Rejected(reason));
        }

        return counts;
    }

    /// <summary>Waits until each reason's rejection count has grown by exactly what <paramref name="expected"/> says since <paramref name="before"/>.</summary>
    public async Task RejectionsCountedAsync(IReadOnlyDictionary<string, double> before, IEnumerable<KeyValuePair<string, int>> expected, TimeSpan timeout)
    {
        foreach (var (reason, count) in expected)
        {
            await Eventually.HoldsAsync(
                async () => await MetricAsync(Rejected(reason)) - before[reason] == count, timeout, $"{count} rejection(s) counted as {reason}");
        }
    }

    public async Task<double> MetricAsync(string sample)
    {
        var text = await Http.GetStringAsync("/metrics");
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(sample + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(sample.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new Xunit.Sdk.XunitException($"/metrics has no sample '{sample}'.");
    }
}

public sealed class MosquittoHostFixture : HostFixture
{
    private MosquittoServer? _mosquitto;

    protected override async Task<IEnumerable<string>> StartBrokerAsync()
    {
        // As in production: a queue deep enough that a burst of readings waits rather than being dropped.
        _mosquitto = await MosquittoServer.StartAsync(new MosquittoOptions { MaxQueuedMessages = 100_000 });
        BrokerPort = _mosquitto.Port;
        return ["--CampWater:Mqtt:Host", _mosquitto.Host, "--CampWater:Mqtt:Port", _mosquitto.Port.ToString()];
    }

    protected override async Task StopBrokerAsync()
    {
        if (_mosquitto is not null)
        {
            await _mosquitto.DisposeAsync();
        }
    }
}

public sealed class EmbeddedBrokerHostFixture : HostFixture
{
    protected override Task<IEnumerable<string>> StartBrokerAsync()
    {
        BrokerPort = FreePort.Next();
        return Task.FromResult<IEnumerable<string>>(["--CampWater:Mqtt:Embedded:Port", BrokerPort.ToString()]);
    }
}
