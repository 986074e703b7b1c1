using System.Text;
using CampWater.Silo.Hosting;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Registry;
using Microsoft.Extensions.Options;

namespace CampWater.Silo.Simulation;

/// <summary>
/// Simulated sensors for every tank of the registry file, publishing through the real MQTT path (the same
/// broker, topics and formats as field sensors, LoRaWAN ones included), so the first screen of a demo is alive.
/// In Development it first replays the last week (<see cref="DemoWeek"/>), seeded, so that the demo opens on a
/// week of levels, coverage and alerts, then goes on live.
/// </summary>
public sealed partial class SensorSimulator(
    IOptions<CampWaterOptions> options,
    RegistryFile registry,
    IHostEnvironment environment,
    TimeProvider clock,
    IGrainFactory grains,
    ILogger<SensorSimulator> logger) : BackgroundService
{
    /// <summary>Who records the demo's influx in the camp's change log.</summary>
    public const string Actor = "simulation";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (registry.Camps.Sum(c => c.Tanks.Length) == 0)
        {
            return;
        }

        var plan = Plan(options.Value, environment.IsDevelopment(), clock.GetUtcNow());
        Task? influx = null;
        if (plan.Start is { } from && options.Value.Simulation.Scenarios is null
            && registry.Camps.FirstOrDefault(c => c.Id == DemoWeek.Influx.CampId) is { Population: > 0 } influxCamp)
        {
            // The people who arrive are recorded as the camp's population from that day, as a WASH officer would.
            plan = plan with { Influxes = [(influxCamp.Id, DemoWeek.Influx.After, DemoWeek.Influx.Population / (double)influxCamp.Population)] };
            var date = CampWater.Water.CampCalendar.LocalDate(from + DemoWeek.Influx.After, CampWater.Water.CampCalendar.Zone(influxCamp.TimeZone));
            influx = RecordInflux(influxCamp.Id, new CampWater.Registry.PopulationChange(date, DemoWeek.Influx.Population), stoppingToken);
        }

        var runner = new SimulationRunner(plan, registry.Camps, clock, new LogWriter(this), HandOver);
        var tanks = registry.Camps.Sum(c => c.Tanks.Length);
        var seconds = plan.LiveInterval!.Value.TotalSeconds;
        var running = runner.RunAsync(stoppingToken);
        if (plan.Start is { } start)
        {
            LogReplaying(tanks, (clock.GetUtcNow() - start).TotalDays, seconds);
            if (await Task.WhenAny(runner.CaughtUp, running) == runner.CaughtUp)
            {
                LogCaughtUp((await runner.CaughtUp).TotalSeconds, runner.Published);
            }
        }
        else
        {
            LogStarted(tanks, seconds);
        }

        try
        {
            await running;
            if (influx is not null)
            {
                await influx;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Records the demo's influx once the registry has seeded the camp.</summary>
    private async Task RecordInflux(string campId, CampWater.Registry.PopulationChange change, CancellationToken stoppingToken)
    {
        var camp = grains.GetGrain<CampWater.Grains.ICampGrain>(campId);
        for (var attempt = 0; attempt < 60 && !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                if (await camp.GetConfig() is not null)
                {
                    await camp.SetPopulation(change, Actor);
                    return;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNote($"the influx at {campId} is not recorded yet: {e.Message}");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
        }
    }

    /// <summary>
    /// A simulated driver's voucher, entered as field staff would enter it. While the week is replayed, once the
    /// tank has taken the readings of its fill (the replay publishes faster than a silo may apply): entered before,
    /// dated days ago, it would be unverified at once.
    /// </summary>
    private async Task HandOver(SimulatedVoucher v, CancellationToken cancellationToken)
    {
        var tank = grains.GetGrain<Grains.ITankGrain>(Grains.TankKey.Of(v.CampId, v.TankId));
        var replayed = clock.GetUtcNow() - v.DeliveredAt >= SimulationRunner.ReplayVoucherHold;
        for (var waited = 0; replayed && waited < 100 && (await tank.GetStatus())?.LastReadingAt is var last
            && (last is null || last < v.DeliveredAt + SimulationRunner.ReplayVoucherHold - TimeSpan.FromMinutes(30)); waited++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
        }

        await grains.GetGrain<Grains.ITruckingGrain>(v.CampId).AddVoucher(
            new Trucking.VoucherEntry(v.TankId, v.DeliveredAt, v.Litres, v.Contractor, v.Truck, v.VoucherNo, null, "simulator"));
    }

    /// <summary>What to simulate: the history to replay first, if any, then readings every <c>IntervalSeconds</c>.</summary>
    public static SimulationPlan Plan(CampWaterOptions options, bool development, DateTimeOffset now)
    {
        var simulation = options.Simulation;
        var mqtt = options.Mqtt;
        var days = simulation.HistoryDays ?? (development ? DemoWeek.Days : 0);
        var live = TimeSpan.FromSeconds(simulation.IntervalSeconds);
        var scenarios = (simulation.Scenarios ?? [.. DemoWeek.Scenarios]).Select(text => Scenario.TryParse(text, out var scenario, out _) ? scenario : null).OfType<Scenario>().ToList();
        var plan = new SimulationPlan
        {
            BrokerHost = mqtt.IsEmbedded ? "127.0.0.1" : mqtt.Host!,
            BrokerPort = mqtt.IsEmbedded ? mqtt.Embedded.Port : BrokerConnection.Port(mqtt),
            Username = mqtt.Username,
            Password = mqtt.Password,
            UseTls = mqtt.UseTls,
            Seed = simulation.Seed,
            Interval = live,
            LiveInterval = live,
            Speed = 1,
        };
        if (days == 0)
        {
            return plan;
        }

        // Whole intervals, so that the replayed readings fall on camp-local midnights and the days are whole.
        var from = now.AddDays(-days);
        return plan with
        {
            Start = new DateTimeOffset(from.UtcTicks - from.UtcTicks % DemoWeek.Interval.Ticks, TimeSpan.Zero),
            Interval = DemoWeek.Interval,
            Speed = double.PositiveInfinity,
            MaxMessagesPerSecond = DemoWeek.MaxMessagesPerSecond,
            Scenarios = scenarios,
            ChlorineAnalysers = simulation.Scenarios is null
                ? [.. DemoWeek.ChlorineAnalysers.Select(text => TankSelector.TryParse(text, out var target) ? target : null).OfType<TankSelector>()]
                : [],
            MeteredInlets = simulation.Scenarios is null
                ? [.. DemoWeek.MeteredInlets.Select(text => TankSelector.TryParse(text, out var target) ? target : null).OfType<TankSelector>()]
                : [],
        };
    }

    /// <summary>What the simulation says as it goes: scenarios beginning, sensors falling silent, progress.</summary>
    private sealed class LogWriter(SensorSimulator simulator) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void WriteLine(string? value) => simulator.LogNote(value ?? "");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Tanks} tank sensors, a reading each every {Seconds} s")]
    private partial void LogStarted(int tanks, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Tanks} tank sensors: replaying the last {Days:0.#} days, then a reading each every {Seconds} s")]
    private partial void LogReplaying(int tanks, double days, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulated history replayed in {Seconds:0.0} s ({Messages} messages); the simulation is live")]
    private partial void LogCaughtUp(double seconds, long messages);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Simulation: {Note}")]
    private partial void LogNote(string note);
}
