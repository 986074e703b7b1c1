using System.Globalization;
using System.Text.Json;
using CampWater.Silo.Hosting;
using CampWater.Testing;
using Microsoft.AspNetCore.Builder;

namespace CampWater.Ui;

/// <summary>
/// A CampWater host with the demo registry (<c>Silo/camps.demo.json</c>, the camps a first run shows), open
/// access and no simulated sensors, fed through its embedded broker: the map is checked against the file itself.
/// </summary>
public sealed class DemoHostFixture : IAsyncLifetime
{
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public int BrokerPort { get; private set; }

    public static string RegistryPath => Path.Combine(RepoPaths.Root, "Silo", "camps.demo.json");

    /// <summary>The demo registry as written.</summary>
    public JsonElement Registry { get; private set; }

    public async ValueTask InitializeAsync()
    {
        Registry = JsonDocument.Parse(await File.ReadAllTextAsync(RegistryPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement.Clone();
        BaseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        BrokerPort = FreePort.Next();
        string[] args =
        [
            "--environment", "Production",
            "--Urls", BaseUrl,
            "--CampWater:Registry", RegistryPath,
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Mqtt:ClientId", "campwater-demo-ui-" + Guid.NewGuid().ToString("N")[..8],
            "--CampWater:Mqtt:Embedded:Port", BrokerPort.ToString(CultureInfo.InvariantCulture),
            "--CampWater:Auth:Enabled", "false",
            "--CampWater:Simulation:Enabled", "false",
            "--Logging:LogLevel:Default", "Warning",
        ];
        _app = CampWaterHost.Build(args);
        await _app.StartAsync();
        using var probe = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        await Eventually.HoldsAsync(async () => (await probe.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the demo host to be ready");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    public Task<MqttTestClient> ConnectSensorAsync() => MqttTestClient.ConnectAsync("127.0.0.1", BrokerPort);

    public HttpClient Api() => new() { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
}
