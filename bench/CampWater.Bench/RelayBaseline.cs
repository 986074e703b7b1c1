using System.Diagnostics;
using CampWater.Load;
using CampWater.Testing;
using MQTTnet;
using MQTTnet.Formatter;

namespace CampWater.Bench;

/// <summary>
/// mosquitto alone: the same generator and messages, relayed to a subscriber that only counts them, with the
/// silo's subscription (same filter, QoS 1). What the broker and the generator can do on this machine without
/// CampWater is the ceiling CampWater's rate is compared with.
/// </summary>
public static class RelayBaseline
{
    public static async Task<RelayResult> RunAsync(MosquittoServer broker, Fleet fleet, LoadOptions load, CancellationToken cancellationToken)
    {
        long received = 0;
        long lastAt = 0;
        var clock = Stopwatch.StartNew();
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            Interlocked.Exchange(ref lastAt, clock.ElapsedTicks);
            return Task.CompletedTask;
        };
        var connect = new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("relay-counter")
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart().Build();
        LoadGenerator.UseLargeSocketBuffers(connect);
        await subscriber.ConnectAsync(connect, cancellationToken);
        await subscriber.SubscribeAsync("campwater/+/tanks/+/level", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);

        var before = ProcStats.Read(broker.ProcessId!.Value);
        var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var result = await LoadGenerator.RunAsync(load with { ClientIdPrefix = "relay-load" }, fleet, cancellationToken);
        var idleSince = Stopwatch.StartNew();
        var seen = Interlocked.Read(ref received);
        while (seen < result.Published && idleSince.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, cancellationToken);
            var now = Interlocked.Read(ref received);
            if (now != seen)
            {
                seen = now;
                idleSince.Restart();
            }
        }

        var elapsed = TimeSpan.FromTicks((long)(Interlocked.Read(ref lastAt) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)));
        var after = ProcStats.Read(broker.ProcessId!.Value);
        var wall = clock.Elapsed.TotalSeconds;
        await subscriber.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        return new RelayResult(
            result.Published,
            seen,
            Math.Round(result.Rate, 1),
            elapsed > TimeSpan.Zero ? Math.Round(seen / elapsed.TotalSeconds, 1) : 0,
            Math.Round(100 * (after.CpuSeconds - before.CpuSeconds) / wall, 1),
            Math.Round(100 * (Process.GetCurrentProcess().TotalProcessorTime - selfBefore).TotalSeconds / wall, 1));
    }
}

/// <summary>
/// mosquitto alone to <c>mosquitto_sub</c> (the C client of the Debian package mosquitto-clients), which costs
/// next to nothing per message: what the broker itself relays on this machine.
/// </summary>
public static class CRelayBaseline
{
    public static async Task<RelayResult> RunAsync(MosquittoServer broker, Fleet fleet, LoadOptions load, CancellationToken cancellationToken)
    {
        long received = 0;
        long lastAt = 0;
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("mosquitto_sub") // Debian package mosquitto-clients, which tests/run.sh installs
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-h", broker.Host, "-p", broker.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-V", "mqttv5", "-i", "relay-counter-c", "-t", "campwater/+/tanks/+/level", "-F", "%l" })
        {
            start.ArgumentList.Add(argument);
        }

        using var subscriber = Process.Start(start)!;
        subscriber.OutputDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                Interlocked.Increment(ref received);
                Interlocked.Exchange(ref lastAt, clock.ElapsedTicks);
            }
        };
        subscriber.BeginOutputReadLine();
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);

        var before = ProcStats.Read(broker.ProcessId!.Value);
        var subscriberBefore = ProcStats.Read(subscriber.Id);
        var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        Interlocked.Exchange(ref lastAt, 0);
        var result = await LoadGenerator.RunAsync(load with { ClientIdPrefix = "relay-c-load" }, fleet, cancellationToken);
        var idleSince = Stopwatch.StartNew();
        var seen = Interlocked.Read(ref received);
        while (seen < result.Published && idleSince.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50, cancellationToken);
            var now = Interlocked.Read(ref received);
            if (now != seen)
            {
                seen = now;
                idleSince.Restart();
            }
        }

        var elapsed = TimeSpan.FromTicks((long)(Interlocked.Read(ref lastAt) * (TimeSpan.TicksPerSecond / (double)Stopwatch.Frequency)));
        var after = ProcStats.Read(broker.ProcessId!.Value);
        var subscriberAfter = ProcStats.Read(subscriber.Id);
        var wall = clock.Elapsed.TotalSeconds;
        subscriber.Kill();
        await subscriber.WaitForExitAsync(CancellationToken.None);
        return new RelayResult(
            result.Published,
            seen,
            Math.Round(result.Rate, 1),
            elapsed > TimeSpan.Zero ? Math.Round(seen / elapsed.TotalSeconds, 1) : 0,
            Math.Round(100 * (after.CpuSeconds - before.CpuSeconds) / wall, 1),
            Math.Round(100 * ((Process.GetCurrentProcess().TotalProcessorTime - selfBefore).TotalSeconds + subscriberAfter.CpuSeconds - subscriberBefore.CpuSeconds) / wall, 1));
    }
}

/// <summary>What mosquitto alone relayed: counts, rates per second, and CPU as % of one core.</summary>
public sealed record RelayResult(long Published, long Relayed, double PublishRate, double RelayRate, double BrokerCpuPct, double GeneratorAndSubscriberCpuPct);
