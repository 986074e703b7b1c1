using System.Diagnostics;
using System.Runtime.CompilerServices;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace CampWater.Load;

/// <summary>
/// Publishes readings for a <see cref="Fleet"/> at a steady rate. Each connection owns a share of the tanks
/// and visits them in turn, so every tank reads at the same interval and its timestamps only increase; the
/// time of publishing is each reading's <c>ts</c>.
/// </summary>
public static class LoadGenerator
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(2);

    public static async Task<LoadResult> RunAsync(LoadOptions options, Fleet fleet, CancellationToken cancellationToken = default)
    {
        var connections = Math.Clamp(options.Connections, 1, fleet.Tanks.Count);
        var clients = new List<IMqttClient>(connections);
        try
        {
            for (var c = 0; c < connections; c++)
            {
                clients.Add(await ConnectAsync(options, $"{options.ClientIdPrefix}-{c}", cancellationToken));
            }

            var startedAt = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var counts = await Task.WhenAll(clients.Select((client, c) => Task.Run(
                () => PublishShare(client, options, [.. fleet.Tanks.Where(t => t.Index % connections == c)], options.Rate / connections, cancellationToken),
                cancellationToken)));
            clock.Stop();
            return new LoadResult(counts.Sum(x => x.Published), counts.Sum(x => x.Failed), clock.Elapsed, startedAt, DateTimeOffset.UtcNow);
        }
        finally
        {
            foreach (var client in clients)
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
                }

                client.Dispose();
            }
        }
    }

    public static async Task<IMqttClient> ConnectAsync(LoadOptions options, string clientId, CancellationToken cancellationToken)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var connect = new MqttClientOptionsBuilder()
            .WithTcpServer(options.Host, options.Port)
            .WithClientId(clientId)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithCleanSession()
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(30))
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        UseLargeSocketBuffers(connect);
        var result = await client.ConnectAsync(connect, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"The broker at {options.Host}:{options.Port} refused {clientId}: {result.ResultCode}");
        }

        return client;
    }

    /// <summary>
    /// MQTTnet's 8 KB socket buffers (which also turn off the kernel's autotuning) hold a client to a trickle
    /// on loopback once its receive window closes; the silo sets the same (BrokerConnection.SocketBufferBytes).
    /// </summary>
    public static void UseLargeSocketBuffers(MqttClientOptions options)
    {
        if (options.ChannelOptions is MqttClientTcpOptions tcp)
        {
            tcp.BufferSize = 1 << 20;
        }
    }

    private static async Task<(long Published, long Failed)> PublishShare(
        IMqttClient client, LoadOptions options, FleetTank[] tanks, double rate, CancellationToken cancellationToken)
    {
        if (tanks.Length == 0)
        {
            return (0, 0);
        }

        var topics = tanks.Select(t => Payloads.Topic(options.Format, t)).ToArray();
        var random = new Random(tanks[0].Index);
        var window = new SemaphoreSlim(Math.Max(1, options.Window));
        var pending = new List<Task>();
        var unacknowledged = new StrongBox<long>();
        long published = 0, failed = 0, seq = 0;
        var next = 0;
        var limit = options.ReadingsPerTank is { } perTank ? (long)perTank * tanks.Length : long.MaxValue;
        var clock = Stopwatch.StartNew();
        bool More() => published < limit && (options.ReadingsPerTank is not null || clock.Elapsed < options.Duration);
        while (More() && !cancellationToken.IsCancellationRequested)
        {
            var due = Math.Min(limit, rate > 0 ? (long)(rate * clock.Elapsed.TotalSeconds) : published + 64);
            if (published >= due)
            {
                await Task.Delay(Tick, cancellationToken);
                continue;
            }

            while (published < due && More())
            {
                var tank = tanks[next];
                var topic = topics[next];
                next = next + 1 == tanks.Length ? 0 : next + 1;

                // A few millimetres of noise around the tank's level: inside the ledger's noise band.
                var distance = tank.BaseDistanceMm + random.Next(-4, 5);
                var message = new MqttApplicationMessageBuilder()
                    .WithTopic(topic)
                    .WithPayload(Payloads.Reading(options.Format, tank, DateTimeOffset.UtcNow, distance, ++seq))
                    .WithQualityOfServiceLevel(options.Qos)
                    .Build();
                published++;
                if (options.Qos == MqttQualityOfServiceLevel.AtMostOnce)
                {
                    try
                    {
                        await client.PublishAsync(message, cancellationToken);
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        failed++;
                    }

                    continue;
                }

                // QoS 1: keep a window of publishes awaiting their PUBACK rather than one round trip each.
                await window.WaitAsync(cancellationToken);
                pending.Add(PublishAcknowledged(client, message, window, unacknowledged, cancellationToken));
                if (pending.Count >= 4 * options.Window)
                {
                    pending.RemoveAll(t => t.IsCompleted);
                }
            }
        }

        await Task.WhenAll(pending);
        return (published, failed + Interlocked.Read(ref unacknowledged.Value));
    }

    /// <summary>Never throws: a publish the broker did not acknowledge is counted instead.</summary>
    private static async Task PublishAcknowledged(
        IMqttClient client, MqttApplicationMessage message, SemaphoreSlim window, StrongBox<long> failed, CancellationToken cancellationToken)
    {
        // A PUBACK that never comes (a broker that dropped the connection) must not hang the run: counted as failed.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            var result = await client.PublishAsync(message, timeout.Token);
            if (!result.IsSuccess && result.ReasonCode != MqttClientPublishReasonCode.NoMatchingSubscribers)
            {
                Interlocked.Increment(ref failed.Value);
            }
        }
        catch (Exception)
        {
            Interlocked.Increment(ref failed.Value);
        }
        finally
        {
            window.Release();
        }
    }
}
