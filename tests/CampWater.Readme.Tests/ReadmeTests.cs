using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace CampWater.Readme;

/// <summary>
/// The README's commands and examples, run as written: its shell blocks are taken from README.md and run
/// with bash from the repository's folder against the demo it starts. Three things differ from a person
/// at a keyboard, and only these: the ports are free ones instead of 8080 and 1883 (the README's own way
/// of changing them), the Orleans ports are given in the environment, and `dotnet run` gets `--no-build`,
/// since the test's build has built the silo and a build now would rewrite what other tests run.
/// </summary>
public sealed class ReadmeTests
{
    private const string DotnetRun = "dotnet run --project Silo";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly int _http = FreePort.Next();
    private readonly int _mqtt = FreePort.Next();
    private readonly Dictionary<string, string> _environment = new()
    {
        ["CampWater__Cluster__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["CampWater__Cluster__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string QuickStart => ReadmeBlocks.Single("the quick start", b => b == DotnetRun);

    /// <summary>The README's example of other ports, e.g. "-- --Urls http://localhost:8081 --CampWater:Mqtt:Embedded:Port 1884".</summary>
    private static string PortsExample => ReadmeBlocks.Single("changing the ports", b => b.StartsWith(DotnetRun + " -- ", StringComparison.Ordinal) && b.Contains("--Urls", StringComparison.Ordinal));

    private Uri Url(string path) => new($"http://localhost:{_http}{path}");

    /// <summary>The README's port flags with this test's free ports in place of its example's.</summary>
    private string PortFlags()
    {
        var flags = PortsExample[(DotnetRun + " -- ").Length..];
        var urls = System.Text.RegularExpressions.Regex.Match(flags, @"--Urls http://localhost:(\d+)").Groups[1].Value;
        var mqtt = System.Text.RegularExpressions.Regex.Match(flags, @"--CampWater:Mqtt:Embedded:Port (\d+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(urls) || string.IsNullOrEmpty(mqtt), $"the README's port example names both ports: {PortsExample}");
        return flags.Replace(urls, _http.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace(mqtt, _mqtt.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string NoBuild(string block) =>
        block.Replace(DotnetRun, $"dotnet run --no-build -c {RepoPaths.Configuration} --project Silo", StringComparison.Ordinal);

    /// <summary>A block that talks to the running demo, pointed at this test's ports.</summary>
    private string AtOurPorts(string block) => NoBuild(block)
        .Replace("localhost:8080", $"localhost:{_http}", StringComparison.Ordinal)
        .Replace("localhost:1883", $"localhost:{_mqtt}", StringComparison.Ordinal)
        .Replace("-p 1883", $"-p {_mqtt}", StringComparison.Ordinal);

    private Task<DemoProcess> StartAsync(string block)
    {
        // A host block with flags of its own ("-- --CampWater:Simulation:Enabled false") takes the port flags after them.
        var command = NoBuild(block.Contains(" -- ", StringComparison.Ordinal) ? $"{block} {PortFlags()}" : $"{block} -- {PortFlags()}");
        return DemoProcess.StartAsync(command, _environment, Url("/health/ready"), Ct);
    }

    private async Task<Shell.Result> RunAsync(string block, int timeoutSeconds = 60)
    {
        var result = await Shell.RunAsync(AtOurPorts(block), _environment, TimeSpan.FromSeconds(timeoutSeconds), Ct);
        Assert.True(result.ExitCode == 0, $"The README block\n{block}\nfailed: {result}");
        return result;
    }

    private static async Task<double> MetricAsync(Uri metrics, string series)
    {
        var line = (await Http.GetStringAsync(metrics, Ct)).Split('\n').FirstOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [Fact(Timeout = 300_000)]
    public async Task The_quick_start_serves_the_dashboard_with_the_demos_2_camps_live_at_the_ports_the_README_says_how_to_change()
    {
        Assert.StartsWith(QuickStart + " -- ", PortsExample, StringComparison.Ordinal);
        await using var demo = await StartAsync(QuickStart);

        var page = await Http.GetStringAsync(Url("/"), TestContext.Current.CancellationToken);
        Assert.Contains("<title>CampWater</title>", page, StringComparison.Ordinal);
        var camps = await Http.GetFromJsonAsync<JsonElement[]>(Url("/api/camps"), Ct);
        Assert.Equal(["Atmeh 3", "Kutupalong C12"], camps!.Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal));
        await Eventually.HoldsAsync(
            async () => (await Http.GetFromJsonAsync<JsonElement>(Url("/api/camps/atmeh-3"), Ct)).GetProperty("tanks").EnumerateArray()
                .All(t => t.GetProperty("lastReadingAt").ValueKind == JsonValueKind.String),
            TimeSpan.FromSeconds(30), "every tank of Atmeh 3 to have a reading from the demo's simulated sensors");
    }

    [Fact(Timeout = 420_000)]
    public async Task The_first_hour_a_hand_sent_reading_a_late_one_the_simulate_replay_and_the_api_calls_run_as_written()
    {
        Shell.Require("mosquitto_pub", "mosquitto-clients");
        Shell.Require("curl", "curl");
        var withoutSensors = ReadmeBlocks.Single("starting the demo without its simulated sensors",
            b => b.StartsWith(DotnetRun + " -- ", StringComparison.Ordinal) && b.Contains("--CampWater:Simulation:Enabled false", StringComparison.Ordinal));
        await using var demo = await StartAsync(withoutSensors);
        var metrics = Url("/metrics");

        // The hand-sent reading: 900 mm from a sensor 3,000 mm above the floor of a 2,800 mm tank is 75 %.
        var hand = await RunAsync(ReadmeBlocks.Single("the hand-sent reading", b => b.Contains("mosquitto_pub", StringComparison.Ordinal) && b.Contains("\"distanceMm\":900", StringComparison.Ordinal)));
        using (var tank = JsonDocument.Parse(hand.Output.Trim()))
        {
            Assert.Equal("market", tank.RootElement.GetProperty("tankId").GetString());
            Assert.Equal(75, tank.RootElement.GetProperty("levelPct").GetDouble(), 1);
            Assert.Equal("ok", tank.RootElement.GetProperty("state").GetString());
        }

        // The late one: counted and logged, not applied.
        var late = await RunAsync(ReadmeBlocks.Single("the late reading", b => b.Contains("mosquitto_pub", StringComparison.Ordinal) && b.Contains("outcome=\"late\"", StringComparison.Ordinal)));
        Assert.Contains("campwater_readings_total{outcome=\"late\"} 1", late.Output, StringComparison.Ordinal);
        await demo.WaitForOutputAsync("Reading rejected from kutupalong-c12/market: late", TimeSpan.FromSeconds(10), Ct);
        var market = await Http.GetFromJsonAsync<JsonElement>(Url("/api/camps/kutupalong-c12/tanks/market"), TestContext.Current.CancellationToken);
        Assert.Equal(75, market.GetProperty("levelPct").GetDouble(), 1);

        // The simulate replay: every reading taken, none late; its scenarios raise their alerts.
        var applied = await MetricAsync(metrics, "campwater_readings_total{outcome=\"applied\"}");
        var simulate = await RunAsync(ReadmeBlocks.Single("the simulate example", b => b.Contains(" simulate ", StringComparison.Ordinal)), timeoutSeconds: 240);
        Assert.Contains("done:", simulate.Output, StringComparison.Ordinal);
        await Eventually.HoldsAsync(
            async () => await MetricAsync(metrics, "campwater_readings_total{outcome=\"applied\"}") - applied >= 4 * 30 * 12,
            TimeSpan.FromSeconds(30), "30 hours of readings every 5 minutes from the 4 tanks of Atmeh 3 to be applied");
        Assert.Equal(1, await MetricAsync(metrics, "campwater_readings_total{outcome=\"late\"}"));
        await Eventually.HoldsAsync(
            async () =>
            {
                var alerts = await Http.GetFromJsonAsync<JsonElement[]>(Url("/api/alerts?campId=atmeh-3"), Ct);
                bool Has(string tank, string kind) => alerts!.Any(a => a.GetProperty("tankId").GetString() == tank && a.GetProperty("kind").GetString() == kind);
                return Has("t1", "night-draw") && Has("t2", "low-level");
            },
            TimeSpan.FromSeconds(30), "the night leak's night-draw on t1 and the missed truck's low-level on t2");
        var days = await Http.GetFromJsonAsync<JsonElement[]>(Url("/api/camps/atmeh-3/coverage"), Ct);
        Assert.Equal(JsonValueKind.Null, days![0].GetProperty("lpd").ValueKind); // 30 days ago: before the replay, no data
        Assert.Equal(JsonValueKind.Number, days[^2].GetProperty("lpd").ValueKind); // yesterday: replayed

        // The API calls: each answers a JSON list.
        var calls = await RunAsync(ReadmeBlocks.Single("the API calls", b => b.Contains("/changes", StringComparison.Ordinal)));
        Assert.Equal(3, JsonLists(calls.Output));
    }

    /// <summary>How many JSON lists the output holds, one after the other.</summary>
    private static int JsonLists(string output)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(output), new JsonReaderOptions { AllowMultipleValues = true });
        var lists = 0;
        while (reader.Read())
        {
            Assert.Equal(JsonTokenType.StartArray, reader.TokenType);
            lists++;
            reader.Skip();
        }

        return lists;
    }
}
