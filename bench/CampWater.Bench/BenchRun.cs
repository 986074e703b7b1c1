using System.Diagnostics;
using CampWater.Load;
using CampWater.Testing;
using MQTTnet.Protocol;

namespace CampWater.Bench;

/// <summary>
/// The whole benchmark: for each storage provider a fresh mosquitto (and Redis) and a silo process with a
/// registry of the fleet; warm-up, throughput, latency, live and flood phases; mosquitto alone as the
/// ceiling; and the memory test with a large fleet.
/// </summary>
public sealed class BenchRun(BenchOptions options, Action<string> log)
{
    private static readonly TimeSpan SiloStartLimit = TimeSpan.FromMinutes(10);

    public async Task<BenchReport> RunAsync(CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage();
        var clock = Stopwatch.StartNew();
        using var dir = new TempDirectory();
        var fleet = Fleet.Create(options.Tanks, options.Camps);
        var registry = Path.Combine(dir.Path, "camps.json");
        await Registration.WriteFileAsync(fleet, registry);

        var phases = new List<PhaseResult>();
        RelayResult? relay = null, relayMqttNet = null;
        foreach (var storage in options.Storages)
        {
            await using var broker = await StartBrokerAsync();
            await using var redis = storage == "redis" ? await RedisServer.StartAsync(appendOnly: true, cancellationToken: cancellationToken) : null;
            log($"starting the silo on {storage} storage with {fleet.Tanks.Count} tanks in {fleet.CampCount} camps");
            await using var silo = await SiloUnderTest.StartAsync(storage, registry, broker, redis, SiloStartLimit, options.SiloEnvironment);
            try
            {
                await RunPhasesAsync(storage, silo, broker);
            }
            catch (Exception e) when (!silo.Process.IsRunning)
            {
                throw new InvalidOperationException($"The silo ({storage}) stopped during the benchmark (exit code {silo.Process.ExitCode}). Its last output:\n{silo.Process.Output}", e);
            }
            finally
            {
                // Its warnings (retries, slow storage) explain a phase that drained slowly.
                Directory.CreateDirectory(options.Out);
                await File.WriteAllTextAsync(Path.Combine(options.Out, $"silo-{storage}.log"), silo.Process.Output, CancellationToken.None);
            }
        }

        async Task RunPhasesAsync(string storage, SiloUnderTest silo, MosquittoServer broker)
        {
            var redisPhases = storage == "redis";
            await Phase("warm-up", options.WarmupSeconds, Math.Min(options.Rate, redisPhases ? options.RedisLatencyRate : 5_000));
            await Phase("throughput", redisPhases ? options.RedisSeconds : options.Seconds, redisPhases ? options.RedisRate : options.Rate);
            await Phase("latency", redisPhases ? options.RedisLatencySeconds : options.LatencySeconds, redisPhases ? options.RedisLatencyRate : options.LatencyRate);
            if (!redisPhases && options.LiveSeconds > 0)
            {
                // Watch whole camps, as a dashboard does, until the watched tanks number LiveTanks.
                var perCamp = (int)Math.Ceiling(fleet.Tanks.Count / (double)fleet.CampCount);
                var camps = fleet.CampIds.Take(Math.Max(1, options.LiveTanks / perCamp)).ToList();
                await using var live = await LiveWatcher.StartAsync(silo.BaseUrl, camps, cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                phases.Add(await PhaseRunner.RunAsync(
                    "live", storage, silo, broker, fleet, Load(broker, options.LiveRate, options.LiveSeconds), live,
                    fleet.Tanks.Count(t => camps.Contains(t.CampId)), log, cancellationToken));
            }

            if (!redisPhases)
            {
                foreach (var rate in options.SweepRates)
                {
                    await Phase(SweepPhase(rate), options.SweepSeconds, rate);
                }
            }

            await Phase("flood", options.FloodSeconds, 0);

            async Task Phase(string name, double seconds, double rate)
            {
                if (seconds > 0)
                {
                    phases.Add(await PhaseRunner.RunAsync(name, storage, silo, broker, fleet, Load(broker, rate, seconds), null, 0, log, cancellationToken));
                }
            }
        }

        if (options.FloodSeconds > 0)
        {
            await using (var broker = await StartBrokerAsync())
            {
                log($"mosquitto alone: as fast as possible for {options.FloodSeconds} s to mosquitto_sub");
                relay = await CRelayBaseline.RunAsync(broker, fleet, Load(broker, 0, options.FloodSeconds), cancellationToken);
                log($"mosquitto alone relayed {relay.Relayed} of {relay.Published} to mosquitto_sub at {relay.RelayRate}/s (broker CPU {relay.BrokerCpuPct} %)");
            }

            // Opt-in: behind a large backlog this run has twice not come back (an MQTTnet disconnect or PUBACK that never ends).
            if (options.RelayMqttNet)
            {
                await using var broker = await StartBrokerAsync();
                log($"mosquitto alone: as fast as possible for {options.FloodSeconds} s to an MQTTnet client");
                relayMqttNet = await RelayBaseline.RunAsync(broker, fleet, Load(broker, 0, options.FloodSeconds), cancellationToken);
                log($"mosquitto alone relayed {relayMqttNet.Relayed} of {relayMqttNet.Published} to an MQTTnet client at {relayMqttNet.RelayRate}/s (broker CPU {relayMqttNet.BrokerCpuPct} %)");
            }
        }

        BigFleetResult? big = null;
        if (options.BigTanks > 0)
        {
            big = await BigFleetAsync(dir, cancellationToken);
        }

        var report = new BenchReport
        {
            StartedAt = startedAt,
            Minutes = Math.Round(clock.Elapsed.TotalMinutes, 1),
            Machine = Machine(),
            Commit = Git("rev-parse --short HEAD") + (Git("status --porcelain --untracked-files=no").Length > 0 ? " (with local changes)" : ""),
            LoadAverageAtStart = loadAtStart,
            LoadAverageAtEnd = LoadAverage(),
            Options = options,
            Phases = phases,
            Relay = relay,
            RelayMqttNet = relayMqttNet,
            BigFleet = big,
            Targets = [],
        };
        return report with { Targets = Targets.Evaluate(report) };
    }

    private async Task<BigFleetResult> BigFleetAsync(TempDirectory dir, CancellationToken cancellationToken)
    {
        var camps = Math.Max(1, options.BigTanks / 100);
        var fleet = Fleet.Create(options.BigTanks, camps);
        var registry = Path.Combine(dir.Path, "big.json");
        await Registration.WriteFileAsync(fleet, registry);
        await using var broker = await StartBrokerAsync();
        log($"memory test: starting the silo with {fleet.Tanks.Count} tanks in {fleet.CampCount} camps");
        var start = Stopwatch.StartNew();
        await using var silo = await SiloUnderTest.StartAsync("memory", registry, broker, null, SiloStartLimit, options.SiloEnvironment);
        var startSeconds = start.Elapsed.TotalSeconds;
        var before = silo.Stats();
        var rate = Math.Min(options.Rate, 20_000);
        var phase = await PhaseRunner.RunAsync(
            "memory-100k", "memory", silo, broker, fleet, Load(broker, rate, 0) with { ReadingsPerTank = 1 }, null, 0, log, cancellationToken);
        GC.KeepAlive(phase);
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        var after = silo.Stats();
        log($"memory test: RSS {after.RssBytes / 1048576} MiB, peak {after.PeakRssBytes / 1048576} MiB, {phase.Accepted} readings accepted");
        return new BigFleetResult(fleet.Tanks.Count, fleet.CampCount, Math.Round(startSeconds, 1), phase.Accepted, after.RssBytes, after.PeakRssBytes, before.RssBytes);
    }

    private LoadOptions Load(MosquittoServer broker, double rate, double seconds) => new()
    {
        Host = broker.Host,
        Port = broker.Port,
        Rate = rate,
        Duration = TimeSpan.FromSeconds(seconds),
        Qos = options.Qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce,
        Connections = options.Connections,
    };

    // A deep queue (as docs/operations.md advises for any deployment) and a wider in-flight window than mosquitto's 20:
    // the silo acknowledges a reading only once its tank has stored it, so the window bounds its throughput.
    private Task<MosquittoServer> StartBrokerAsync() => MosquittoServer.StartAsync(new MosquittoOptions
    {
        MaxQueuedMessages = 10_000_000,
        MaxInflightMessages = options.BrokerInflight,
    });

    public static string SweepPhase(double rate) => "sweep " + rate.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Machine()
    {
        var memory = "";
        try
        {
            memory = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim();
        }
        catch (IOException)
        {
        }

        var cpu = "";
        try
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "";
        }
        catch (IOException)
        {
        }

        return $"{Environment.ProcessorCount} cores ({cpu}), {memory} RAM, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }

    private static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return "unknown";
        }
    }
}
