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
        var counter = new RelayCounter();
        using var subscriber = new MqttClientFactory().CreateMqttClient();
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            counter.Received();
            return Task.CompletedTask;
        };
        var connect = new MqttClientOptionsBuilder().WithTcpServer(broker.Host, broker.Port).WithClientId("relay-counter")
            .WithProtocolVersion(MqttProtocolVersion.V500).WithCleanStart().Build();
        LoadGenerator.UseLargeSocketBuffers(connect);
        await subscriber.ConnectAsync(connect, cancellationToken);
        await subscriber.SubscribeAsync("campwater/+/tanks/+/level", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce, cancellationToken);

        var before = ProcStats.Read(broker.ProcessId!.Value);
        var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
        counter.Start();
        var result = await LoadGenerator.RunAsync(load with { ClientIdPrefix = "relay-load" }, fleet, cancellationToken);
        var seen = await counter.WaitForAsync(result.Published, cancellationToken);
        var after = ProcStats.Read(broker.ProcessId!.Value);
        var wall = counter.WallSeconds;
        await subscriber.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        return new RelayResult(
            result.Published,
            seen,
            Math.Round(result.Rate, 1),
            counter.RelayRate(seen),
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
        var counter = new RelayCounter();
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
                counter.Received();
            }
        };
        subscriber.BeginOutputReadLine();
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);

        var before = ProcStats.Read(broker.ProcessId!.Value);
        var subscriberBefore = ProcStats.Read(subscriber.Id);
        var selfBefore = Process.GetCurrentProcess().TotalProcessorTime;
        counter.Start();
        var result = await LoadGenerator.RunAsync(load with { ClientIdPrefix = "relay-c-load" }, fleet, cancellationToken);
        var seen = await counter.WaitForAsync(result.Published, cancellationToken);
        var after = ProcStats.Read(broker.ProcessId!.Value);
        var subscriberAfter = ProcStats.Read(subscriber.Id);
        var wall = counter.WallSeconds;
        subscriber.Kill();
        await subscriber.WaitForExitAsync(CancellationToken.None);
        return new RelayResult(
            result.Published,
            seen,
            Math.Round(result.Rate, 1),
            counter.RelayRate(seen),
            Math.Round(100 * (after.CpuSeconds - before.CpuSeconds) / wall, 1),
            Math.Round(100 * ((Process.GetCurrentProcess().TotalProcessorTime - selfBefore).TotalSeconds + subscriberAfter.CpuSeconds - subscriberBefore.CpuSeconds) / wall, 1));
    }
}

/// <summary>What a baseline's subscriber received, and when the last message came after the start.</summary>
internal sealed class RelayCounter
{
    private static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(10);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _received;
    private long _lastAt;

    public double WallSeconds => _clock.Elapsed.TotalSeconds;

    public void Received()
    {
        Interlocked.Increment(ref _received);
        Interlocked.Exchange(ref _lastAt, _clock.ElapsedTicks);
    }

    public void Start()
    {
        _clock.Restart();
        Interlocked.Exchange(ref _lastAt, 0);
    }

    /// <summary>Waits until <paramref name="published"/> messages came, or none for 10 s; returns how many came.</summary>
    public async Task<long> WaitForAsync(long published, CancellationToken cancellationToken)
    {
        var quietSince = Stopwatch.StartNew();
        var seen = Interlocked.Read(ref _received);
        while (seen < published && quietSince.Elapsed < QuietLimit)
        {
            await Task.Delay(50, cancellationToken);
            var now = Interlocked.Read(ref _received);
            if (now != seen)
            {
                seen = now;
                quietSince.Restart();
            }
        }

        return seen;
    }

    /// <summary>Messages a second from the start to the last one received.</summary>
    public double RelayRate(long seen)
    {
        var seconds = Interlocked.Read(ref _lastAt) / (double)Stopwatch.Frequency;
        return seconds > 0 ? Math.Round(seen / seconds, 1) : 0;
    }
}

/// <summary>What mosquitto alone relayed: counts, rates per second, and CPU as % of one core.</summary>
public sealed record RelayResult(long Published, long Relayed, double PublishRate, double RelayRate, double BrokerCpuPct, double GeneratorAndSubscriberCpuPct);
