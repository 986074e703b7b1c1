using System.Globalization;
using System.Security.Authentication;
using CampWater.Registry;
using CampWater.Silo.Ingestion;
using MQTTnet;
using MQTTnet.Protocol;

namespace CampWater.Silo.Simulation;

/// <summary>
/// Plays a <see cref="ScenarioSimulation"/> against an MQTT broker. Simulated time runs <see cref="SimulationPlan.Speed"/>
/// times faster than the wall clock while it is behind it, and never ahead of it: readings from the future are
/// refused by CampWater, so a replay of last night catches up and then goes on live.
/// </summary>
public sealed class SimulationRunner(
    SimulationPlan plan, IReadOnlyList<CampConfig> camps, TimeProvider clock, TextWriter output,
    Func<SimulatedVoucher, CancellationToken, Task>? vouchers = null)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    /// <summary>
    /// While replaying the past, a voucher is handed over this long after its time, once the readings of its fill
    /// are in: entered at once, its time already more than 3 hours behind the clock, it would be unverified
    /// before its fill could show. Live, it goes at once, as field staff enter it.
    /// </summary>
    public static readonly TimeSpan ReplayVoucherHold = TimeSpan.FromHours(3.5);

    private readonly List<SimulatedVoucher> _held = [];

    private readonly TaskCompletionSource<TimeSpan> _caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Messages published so far.</summary>
    public long Published { get; private set; }

    /// <summary>Completes with the wall time it took once the simulation has caught up with the wall clock.</summary>
    public Task<TimeSpan> CaughtUp => _caughtUp.Task;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var wallStart = clock.GetUtcNow();
        var first = plan.Start ?? wallStart;
        var start = new DateTimeOffset(first.UtcTicks - first.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var end = plan.Duration is { } duration ? start + duration : (DateTimeOffset?)null;
        var simulation = new ScenarioSimulation(camps, plan, start, Note);
        if (simulation.Sensors.Count == 0)
        {
            Note("no tanks to simulate");
            return;
        }

        foreach (var group in simulation.Sensors.GroupBy(s => (s.Format, s.Codec)))
        {
            var codec = group.Key.Format == SensorFormat.Native ? "" : $" ({group.Key.Codec})";
            Note($"{group.Key.Format}{codec}: {string.Join(", ", group.Select(s => $"{s.CampId}/{s.TankId}"))}");
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        var options = ClientOptions();
        var lastProgress = wallStart;
        for (var t = start; end is null || t <= end; t = Next(t))
        {
            await PaceAsync(t, start, wallStart, cancellationToken);
            foreach (var message in simulation.Step(t, Note))
            {
                await PublishAsync(client, options, message, cancellationToken);
            }

            _held.AddRange(simulation.TakeVouchers());
            var replaying = t + plan.Interval <= clock.GetUtcNow();
            foreach (var voucher in _held.Where(v => !replaying || v.DeliveredAt + ReplayVoucherHold <= t).ToList())
            {
                _held.Remove(voucher);
                await HandOverAsync(voucher, cancellationToken);
            }

            var now = clock.GetUtcNow();
            if (!_caughtUp.Task.IsCompleted && t + plan.Interval > now)
            {
                _caughtUp.TrySetResult(now - wallStart);
                Note(string.Create(CultureInfo.InvariantCulture, $"caught up with the wall clock in {(now - wallStart).TotalSeconds:0.0} s, {Published} messages published"));
            }

            if (now - lastProgress >= ProgressEvery)
            {
                lastProgress = now;
                Note(string.Create(CultureInfo.InvariantCulture, $"simulated to {t:u}, {Published} messages published"));
            }

            if (double.IsFinite(plan.MaxMessagesPerSecond) && wallStart + TimeSpan.FromSeconds(Published / plan.MaxMessagesPerSecond) - now is var ahead && ahead > TimeSpan.Zero)
            {
                await Task.Delay(ahead, clock, cancellationToken);
            }
        }

        foreach (var voucher in _held)
        {
            await HandOverAsync(voucher, cancellationToken);
        }

        Note(string.Create(CultureInfo.InvariantCulture, $"done: {Published} messages published"));
        if (client.IsConnected)
        {
            await client.DisconnectAsync(cancellationToken: CancellationToken.None);
        }
    }

    /// <summary>The next step's time: a whole interval while catching up, the live interval once within one of the wall clock.</summary>
    private DateTimeOffset Next(DateTimeOffset t) =>
        plan.LiveInterval is { } live && t + plan.Interval > clock.GetUtcNow() ? t + live : t + plan.Interval;

    /// <summary>Waits until the wall clock has reached both <paramref name="t"/> and its accelerated share of the run.</summary>
    private async Task PaceAsync(DateTimeOffset t, DateTimeOffset start, DateTimeOffset wallStart, CancellationToken cancellationToken)
    {
        var accelerated = double.IsPositiveInfinity(plan.Speed) ? wallStart : wallStart + (t - start) / plan.Speed;
        var due = accelerated > t ? accelerated : t;
        var wait = due - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
    }

    private async Task PublishAsync(IMqttClient client, MqttClientOptions options, SensorMessage message, CancellationToken cancellationToken)
    {
        var mqttMessage = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(message.Payload)
            .WithQualityOfServiceLevel(plan.Qos == 0 ? MqttQualityOfServiceLevel.AtMostOnce : MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(options, cancellationToken);
                }

                await client.PublishAsync(mqttMessage, cancellationToken);
                Published++;
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A simulated sensor keeps its reading until the broker is back, as a real one with a store does.
                Note($"broker {plan.BrokerHost}:{plan.BrokerPort}: {e.Message}; retrying");
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, attempt)), clock, cancellationToken);
            }
        }
    }

    /// <summary>A voucher goes to CampWater as field staff would enter it; without a way to send it, it is only noted.</summary>
    private async Task HandOverAsync(SimulatedVoucher voucher, CancellationToken cancellationToken)
    {
        if (vouchers is null)
        {
            Note(string.Create(CultureInfo.InvariantCulture, $"{voucher.DeliveredAt:u} voucher {voucher.VoucherNo} of {voucher.Contractor}: {voucher.Litres:0} L into {voucher.CampId}/{voucher.TankId} (not sent: no --api)"));
            return;
        }

        try
        {
            await vouchers(voucher, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Note($"voucher {voucher.VoucherNo} for {voucher.CampId}/{voucher.TankId} not recorded: {e.Message}");
        }
    }

    private MqttClientOptions ClientOptions()
    {
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(string.Create(CultureInfo.InvariantCulture, $"campwater-simulate-{plan.Seed}-{Guid.NewGuid():N}")[..40])
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithTcpServer(plan.BrokerHost, plan.BrokerPort);
        if (!string.IsNullOrEmpty(plan.Username))
        {
            builder = builder.WithCredentials(plan.Username, plan.Password);
        }

        if (plan.UseTls)
        {
            builder = builder.WithTlsOptions(o => o.UseTls().WithSslProtocols(SslProtocols.Tls12 | SslProtocols.Tls13));
        }

        return builder.Build().WithSocketBuffers();
    }

    private void Note(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
        }
    }
}
