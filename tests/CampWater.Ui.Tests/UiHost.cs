using System.Globalization;
using CampWater.Silo.Hosting;
using Microsoft.AspNetCore.Builder;

namespace CampWater.Ui;

/// <summary>A CampWater host in this process as the UI tests start it: Production, sign-in on, the UI registry, free ports.</summary>
internal static class UiHost
{
    /// <param name="directory">Where the registry file is written.</param>
    /// <param name="arguments">The broker, the people and tokens, and whatever else the test needs.</param>
    public static async Task<(WebApplication App, string BaseUrl)> StartAsync(string directory, IEnumerable<string> arguments, Action<WebApplicationBuilder>? configure = null)
    {
        var registry = Path.Combine(directory, "camps.json");
        await File.WriteAllTextAsync(registry, UiRegistry.Json);
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        string[] args =
        [
            "--environment", "Production",
            "--Urls", baseUrl,
            "--CampWater:Registry", registry,
            "--CampWater:Cluster:SiloPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Cluster:GatewayPort", FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--CampWater:Auth:Enabled", "true",
            "--Logging:LogLevel:Default", "Warning",
            .. arguments,
        ];
        var app = CampWaterHost.Build(args, configure);
        await app.StartAsync();
        return (app, baseUrl);
    }

    public static async Task WaitUntilReadyAsync(string baseUrl)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(baseUrl) };
        await Eventually.HoldsAsync(async () => (await probe.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the host to be ready");
    }

    /// <summary>The embedded broker on a free port, for hosts that need no broker of their own.</summary>
    public static IEnumerable<string> EmbeddedBroker() =>
        ["--CampWater:Mqtt:Embedded:Port", FreePort.Next().ToString(CultureInfo.InvariantCulture)];
}
