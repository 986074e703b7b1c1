using System.Globalization;
using CampWater.Silo.Registry;
using CampWater.Silo.Simulation;

namespace CampWater.Silo.Commands;

/// <summary>
/// <c>Silo simulate</c>: simulated sensors for the tanks of a registry file, published to any MQTT broker in the
/// native, ChirpStack or Things Stack format, with scenarios switched on per tank or camp. For demos, training and
/// load runs.
/// </summary>
public static class SimulateCommand
{
    public const string Name = "simulate";

    public const string Usage = """
        Usage: Silo simulate [options]

          --broker host[:port]        MQTT broker (default localhost:1883)
          --username u --password p   broker credentials; --tls for TLS (port 8883 unless given)
          --registry file             the registry file of camps and tanks (default camps.json)
          --only camp[/tank]          simulate only these tanks (repeatable; default every tank)
          --seed n                    seed of the simulation (default 42); same seed and start, same readings
          --interval 5m               simulated time between two readings of a sensor (default 1m)
          --start -6h | ISO-8601      simulated time of the first reading (default now)
          --speed n | max             simulated seconds per real second until the simulation reaches now (default 1)
          --duration 7h               simulated time to run for (default: until stopped)
          --qos 0|1                   QoS of the readings (default 1)
          --api url [--token t]       CampWater's address (http://localhost:8080): each simulated truck's voucher is
                                      entered there, as field staff would (a token of role field, engineer or admin
                                      when sign-in is on); without it, vouchers are only printed
          --format [target=]native|chirpstack|tts
                                      how sensors publish (repeatable; the most specific target wins). Default:
                                      chirpstack for tanks whose sensor has a devEui, native for the others
          --codec [target=]ldds75|em500-udl|plain
                                      the decoded payload of LoRaWAN sensors. Default from the devEui's maker:
                                      A84041 Dragino LDDS75, 24E124 Milesight EM500-UDL, otherwise plain
          --scenario kind:target[@+offset]
                                      night-leak, truck-no-show, pump-overfill, sensor-silent, battery-fade, influx,
                                      gateway-outage, chlorine-drop, short-delivery, ghost-delivery
                                      (repeatable), e.g. --scenario night-leak:atmeh-3/t1 --scenario influx:atmeh-3@+2h

          A target is * (every tank), a camp id, or camp/tank.
          Readings are never dated after the wall clock (CampWater refuses readings from the future): with
          --start in the past and --speed, the simulation replays the past quickly, then goes on live.
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Any(a => a is "--help" or "-h"))
        {
            await output.WriteLineAsync(Usage);
            return 0;
        }

        if (!TryParse(args, TimeProvider.System.GetUtcNow(), out var plan, out var problem))
        {
            await error.WriteLineAsync($"simulate: {problem}");
            await error.WriteLineAsync(Usage);
            return 2;
        }

        RegistryFile registry;
        try
        {
            registry = RegistryFile.Load(plan.Registry, development: false);
        }
        catch (RegistryFileException e)
        {
            await error.WriteLineAsync($"simulate: {e.Message}");
            return 1;
        }

        try
        {
            using var http = plan.ApiUrl is { } api ? VoucherClient(api, plan.ApiToken) : null;
            await new SimulationRunner(plan, registry.Camps, TimeProvider.System, output,
                http is null ? null : (v, ct) => PostVoucherAsync(http, v, ct)).RunAsync(cancellationToken);
            return 0;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    private static HttpClient VoucherClient(Uri api, string? token)
    {
        var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    /// <summary>A voucher entered through the API; one entered before (409, a replay run twice) is left as it is.</summary>
    private static async Task PostVoucherAsync(HttpClient http, Simulation.SimulatedVoucher voucher, CancellationToken cancellationToken)
    {
        // A replayed voucher waits (10 s at most) until the tank has the readings of its fill, as in the demo.
        var tankPath = $"api/camps/{Uri.EscapeDataString(voucher.CampId)}/tanks/{Uri.EscapeDataString(voucher.TankId)}";
        var due = voucher.DeliveredAt + Simulation.SimulationRunner.ReplayVoucherHold - TimeSpan.FromMinutes(30);
        for (var waited = 0; DateTimeOffset.UtcNow - voucher.DeliveredAt >= Simulation.SimulationRunner.ReplayVoucherHold && waited < 100; waited++)
        {
            using var status = await http.GetAsync(tankPath, cancellationToken);
            if (status.IsSuccessStatusCode
                && System.Text.Json.JsonDocument.Parse(await status.Content.ReadAsStringAsync(cancellationToken)).RootElement.TryGetProperty("lastReadingAt", out var last)
                && last.ValueKind == System.Text.Json.JsonValueKind.String && last.GetDateTimeOffset() >= due)
            {
                break;
            }

            await Task.Delay(100, cancellationToken);
        }

        using var answer = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(
            http, $"api/camps/{Uri.EscapeDataString(voucher.CampId)}/vouchers", voucher.Body, cancellationToken);
        if (!answer.IsSuccessStatusCode && answer.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new HttpRequestException($"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>From the command line <c>Silo simulate</c>: stops on Ctrl+C.</summary>
    public static async Task<int> RunFromConsoleAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        return await RunAsync(args, Console.Out, Console.Error, stop.Token);
    }

    public static bool TryParse(string[] args, DateTimeOffset now, out SimulationPlan plan, out string problem)
    {
        plan = new SimulationPlan();
        problem = "";
        var only = new List<TankSelector>();
        var formats = new List<(TankSelector, SensorFormat)>();
        var codecs = new List<(TankSelector, SensorCodec)>();
        var scenarios = new List<Scenario>();
        int? port = null;
        for (var i = 0; i < args.Length; i++)
        {
            var option = args[i];
            if (option == "--tls")
            {
                plan = plan with { UseTls = true };
                continue;
            }

            if (i + 1 >= args.Length)
            {
                problem = option.StartsWith("--", StringComparison.Ordinal) ? $"{option} needs a value" : $"unexpected '{option}'";
                return false;
            }

            var value = args[++i];
            switch (option)
            {
                case "--broker":
                    var colon = value.LastIndexOf(':');
                    if (colon > 0)
                    {
                        if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                        {
                            problem = $"--broker {value}: the port must be 1 to 65535";
                            return false;
                        }

                        port = p;
                        value = value[..colon];
                    }

                    plan = plan with { BrokerHost = value };
                    break;
                case "--username":
                    plan = plan with { Username = value };
                    break;
                case "--password":
                    plan = plan with { Password = value };
                    break;
                case "--registry":
                    plan = plan with { Registry = value };
                    break;
                case "--seed":
                    if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
                    {
                        problem = $"--seed {value}: must be a whole number";
                        return false;
                    }

                    plan = plan with { Seed = seed };
                    break;
                case "--interval":
                    if (!Durations.TryParse(value, out var interval) || interval < TimeSpan.FromSeconds(1))
                    {
                        problem = $"--interval {value}: must be a duration of at least 1s, like 30s, 5m or 1h";
                        return false;
                    }

                    plan = plan with { Interval = interval };
                    break;
                case "--duration":
                    if (!Durations.TryParse(value, out var duration))
                    {
                        problem = $"--duration {value}: must be a duration like 90m, 7h or 2d";
                        return false;
                    }

                    plan = plan with { Duration = duration };
                    break;
                case "--speed":
                    if (value == "max")
                    {
                        plan = plan with { Speed = double.PositiveInfinity };
                    }
                    else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) && speed > 0 && double.IsFinite(speed))
                    {
                        plan = plan with { Speed = speed };
                    }
                    else
                    {
                        problem = $"--speed {value}: must be a number above 0, or max";
                        return false;
                    }

                    break;
                case "--start":
                    if (value.StartsWith('-') && Durations.TryParse(value[1..], out var ago))
                    {
                        plan = plan with { Start = now - ago };
                    }
                    else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
                    {
                        plan = plan with { Start = start };
                    }
                    else
                    {
                        problem = $"--start {value}: must be an ISO-8601 time or a time ago like -6h";
                        return false;
                    }

                    break;
                case "--api":
                    if (!Uri.TryCreate(value.EndsWith('/') ? value : value + "/", UriKind.Absolute, out var api) || api.Scheme is not ("http" or "https"))
                    {
                        problem = $"--api {value}: must be an http or https address, like http://localhost:8080";
                        return false;
                    }

                    plan = plan with { ApiUrl = api };
                    break;
                case "--token":
                    plan = plan with { ApiToken = value };
                    break;
                case "--qos":
                    if (value is not ("0" or "1"))
                    {
                        problem = $"--qos {value}: must be 0 or 1";
                        return false;
                    }

                    plan = plan with { Qos = value == "0" ? 0 : 1 };
                    break;
                case "--only":
                    if (!TankSelector.TryParse(value, out var selector))
                    {
                        problem = $"--only {value}: must be *, a camp id or camp/tank";
                        return false;
                    }

                    only.Add(selector);
                    break;
                case "--format":
                    if (!TryTargeted(value, ParseFormat, out var format, out problem))
                    {
                        problem = $"--format {value}: {problem}";
                        return false;
                    }

                    formats.Add(format);
                    break;
                case "--codec":
                    if (!TryTargeted(value, ParseCodec, out var codec, out problem))
                    {
                        problem = $"--codec {value}: {problem}";
                        return false;
                    }

                    codecs.Add(codec);
                    break;
                case "--scenario":
                    if (!Scenario.TryParse(value, out var scenario, out problem))
                    {
                        problem = $"--scenario {value}: {problem}";
                        return false;
                    }

                    scenarios.Add(scenario);
                    break;
                default:
                    problem = $"unknown option '{option}'";
                    return false;
            }
        }

        plan = plan with
        {
            BrokerPort = port ?? (plan.UseTls ? 8883 : 1883),
            Only = only,
            Formats = formats,
            Codecs = codecs,
            Scenarios = scenarios,
        };
        return true;
    }

    private static bool TryTargeted<T>(string value, Func<string, T?> parse, out (TankSelector, T) choice, out string problem)
        where T : struct
    {
        choice = default;
        problem = "";
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var target = TankSelector.All;
        if (equals >= 0 && !TankSelector.TryParse(value[..equals], out target))
        {
            problem = $"'{value[..equals]}' is not *, a camp id or camp/tank";
            return false;
        }

        var name = equals >= 0 ? value[(equals + 1)..] : value;
        if (parse(name) is not { } parsed)
        {
            problem = $"'{name}' is not one of the choices";
            return false;
        }

        choice = (target, parsed);
        return true;
    }

    private static SensorFormat? ParseFormat(string name) =>
        name switch
        {
            "native" => SensorFormat.Native,
            "chirpstack" => SensorFormat.ChirpStack,
            "tts" or "thethingsstack" => SensorFormat.ThingsStack,
            _ => null,
        };

    private static SensorCodec? ParseCodec(string name) =>
        name switch
        {
            "ldds75" => SensorCodec.Ldds75,
            "em500-udl" => SensorCodec.Em500Udl,
            "plain" => SensorCodec.Plain,
            _ => null,
        };
}
