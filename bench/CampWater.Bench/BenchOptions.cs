using System.Globalization;

namespace CampWater.Bench;

/// <summary>The benchmark's plan; the defaults are the targets, <c>--smoke</c> is a few seconds for CI.</summary>
public sealed record BenchOptions
{
    public string Out { get; init; } = "bench/results";
    public string[] Storages { get; init; } = ["memory", "redis"];
    public int Tanks { get; init; } = 10_000;
    public int Camps { get; init; } = 100;
    public int Qos { get; init; } = 1;
    public int Connections { get; init; } = 4;
    /// <summary>Long enough for tiered JIT to settle and every tank to be active before anything is measured.</summary>
    public double WarmupSeconds { get; init; } = 30;
    public double Rate { get; init; } = 20_000;
    public double Seconds { get; init; } = 60;
    public double LatencyRate { get; init; } = 10_000;
    public double LatencySeconds { get; init; } = 30;
    public double LiveRate { get; init; } = 2_000;
    public double LiveSeconds { get; init; } = 30;
    public int LiveTanks { get; init; } = 1_000;
    public double FloodSeconds { get; init; } = 15;

    /// <summary>
    /// Memory storage: p99 at each of these rates (each for <see cref="SweepSeconds"/>), to show the highest rate
    /// at which a reading is still applied within 100 ms.
    /// </summary>
    public double[] SweepRates { get; init; } = [1_000, 2_000, 4_000, 6_000, 7_000, 8_000];
    public double SweepSeconds { get; init; } = 15;
    /// <summary>Offered above the 5,000/s target, so that the sustained figure says whether the silo can take it.</summary>
    public double RedisRate { get; init; } = 6_000;
    public double RedisSeconds { get; init; } = 60;
    public double RedisLatencyRate { get; init; } = 2_000;
    public double RedisLatencySeconds { get; init; } = 30;

    /// <summary>Tanks of the memory test (each gets one reading); 0 skips it.</summary>
    public int BigTanks { get; init; } = 100_000;

    /// <summary>mosquitto's max_inflight_messages: QoS 1 messages it sends a client before waiting for its PUBACKs.</summary>
    public int BrokerInflight { get; init; } = 1_000;

    public bool Smoke { get; init; }

    /// <summary>Environment of the silo process only (<c>--silo-env NAME=VALUE</c>, repeatable), e.g. GC settings to compare.</summary>
    public IReadOnlyDictionary<string, string?> SiloEnvironment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Also relay through mosquitto alone to an MQTTnet client (<c>--relay-mqttnet 1</c>).</summary>
    public bool RelayMqttNet { get; init; }

    private static Dictionary<string, string?> WithVariable(IReadOnlyDictionary<string, string?> environment, string assignment)
    {
        var at = assignment.IndexOf('=', StringComparison.Ordinal);
        if (at <= 0)
        {
            throw new ArgumentException($"expected --silo-env NAME=VALUE, got '{assignment}'");
        }

        return new Dictionary<string, string?>(environment) { [assignment[..at]] = assignment[(at + 1)..] };
    }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--smoke")
            {
                options = options with
                {
                    Smoke = true,
                    Storages = ["memory"],
                    Tanks = 40,
                    Camps = 4,
                    WarmupSeconds = 1,
                    Rate = 200,
                    Seconds = 5,
                    LatencySeconds = 0,
                    LiveRate = 100,
                    LiveSeconds = 2,
                    LiveTanks = 10,
                    FloodSeconds = 0,
                    SweepRates = [],
                    BigTanks = 0,
                    Connections = 2,
                };
                continue;
            }

            if (i + 1 >= args.Length || !name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"expected '--name value', got '{name}'");
            }

            var value = args[++i];
            double Number() => double.Parse(value, CultureInfo.InvariantCulture);
            options = name[2..] switch
            {
                "out" => options with { Out = value },
                "storage" => options with { Storages = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "tanks" => options with { Tanks = (int)Number() },
                "camps" => options with { Camps = (int)Number() },
                "qos" => options with { Qos = (int)Number() },
                "connections" => options with { Connections = (int)Number() },
                "warmup" => options with { WarmupSeconds = Number() },
                "rate" => options with { Rate = Number() },
                "duration" => options with { Seconds = Number() },
                "latency-rate" => options with { LatencyRate = Number() },
                "latency-duration" => options with { LatencySeconds = Number() },
                "live-rate" => options with { LiveRate = Number() },
                "live-duration" => options with { LiveSeconds = Number() },
                "live-tanks" => options with { LiveTanks = (int)Number() },
                "flood-duration" => options with { FloodSeconds = Number() },
                "sweep" => options with { SweepRates = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => double.Parse(r, CultureInfo.InvariantCulture))] },
                "sweep-duration" => options with { SweepSeconds = Number() },
                "redis-rate" => options with { RedisRate = Number() },
                "redis-duration" => options with { RedisSeconds = Number() },
                "redis-latency-rate" => options with { RedisLatencyRate = Number() },
                "redis-latency-duration" => options with { RedisLatencySeconds = Number() },
                "big-tanks" => options with { BigTanks = (int)Number() },
                "relay-mqttnet" => options with { RelayMqttNet = Number() != 0 },
                "broker-inflight" => options with { BrokerInflight = (int)Number() },
                "silo-env" => options with { SiloEnvironment = WithVariable(options.SiloEnvironment, value) },
                _ => throw new ArgumentException($"unknown option '{name}'"),
            };
        }

        return options;
    }
}
