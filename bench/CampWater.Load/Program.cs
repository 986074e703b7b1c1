using System.Globalization;
using System.Text.Json;
using CampWater.Load;
using MQTTnet.Protocol;

// campwater-load: registers a fleet of tanks, then publishes readings for it.
//   dotnet run -c Release --project bench/CampWater.Load -- --tanks 1000 --camps 10 --rate 2000 --duration 30 \
//       --qos 1 --format native --host 127.0.0.1 --port 1883 --register api:http://127.0.0.1:8080
// --register file:PATH writes a registry file (docs/registry.md) and exits; --register none publishes only.
var args_ = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        await Console.Error.WriteLineAsync($"campwater-load: expected '--name value', got '{args[i]}'");
        return 2;
    }

    args_[args[i][2..]] = args[++i];
}

string Get(string name, string fallback) => args_.GetValueOrDefault(name, fallback);
double Number(string name, double fallback) => double.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

try
{
    var fleet = Fleet.Create((int)Number("tanks", 1000), (int)Number("camps", 10));
    var register = Get("register", "none");
    if (register.StartsWith("file:", StringComparison.Ordinal))
    {
        await Registration.WriteFileAsync(fleet, register["file:".Length..]);
        Console.WriteLine($"wrote {fleet.Tanks.Count} tanks in {fleet.CampCount} camps to {register["file:".Length..]}");
        return 0;
    }

    if (register.StartsWith("api:", StringComparison.Ordinal))
    {
        await Registration.PutCampsAsync(fleet, new Uri(register["api:".Length..].TrimEnd('/') + "/"), args_.GetValueOrDefault("token"), CancellationToken.None);
    }

    var options = new LoadOptions
    {
        Host = Get("host", "127.0.0.1"),
        Port = (int)Number("port", 1883),
        Rate = Number("rate", 1000),
        Duration = TimeSpan.FromSeconds(Number("duration", 10)),
        Qos = Number("qos", 1) == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce,
        Format = Payloads.ParseFormat(Get("format", "native")),
        Connections = (int)Number("connections", 4),
        ReadingsPerTank = args_.ContainsKey("readings-per-tank") ? (int)Number("readings-per-tank", 1) : null,
    };
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    var result = await LoadGenerator.RunAsync(options, fleet, stop.Token);
    Console.WriteLine(JsonSerializer.Serialize(
        new { result.Published, result.Failed, seconds = result.Elapsed.TotalSeconds, rate = Math.Round(result.Rate, 1) },
        JsonSerializerOptions.Web));
    return result.Failed == 0 ? 0 : 1;
}
catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or HttpRequestException or IOException)
{
    await Console.Error.WriteLineAsync("campwater-load: " + e.Message);
    return 1;
}
