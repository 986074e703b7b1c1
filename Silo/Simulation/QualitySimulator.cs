using CampWater.Silo.Hosting;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Registry;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CampWater.Silo.Simulation;

/// <summary>
/// Simulated chlorine analysers on every tank of the registry file, for the demo: at start they publish the
/// last day they would have read (every 15 minutes), then go on live. The tanks of
/// <c>CampWater:Simulation:ChlorineDrop</c> lost their chlorine dosing 22 hours before the start, so the demo
/// opens with the free chlorine fallen below 0.2 mg/L and its alert raised. Through the real MQTT path, like
/// the level sensors.
/// </summary>
public sealed partial class QualitySimulator(
    IOptions<CampWaterOptions> options,
    RegistryFile registry,
    TimeProvider clock,
    ILogger<QualitySimulator> logger) : BackgroundService
{
    /// <summary>A day of readings before the start: the demo's chart of chlorine over 24 hours is full at once.</summary>
    public static readonly TimeSpan Replay = TimeSpan.FromDays(1);

    /// <summary>How long before the start the chlorine began to fall: far enough to be below 0.2 mg/L, not yet at its floor.</summary>
    public static readonly TimeSpan DropBeforeStart = TimeSpan.FromHours(22);

    /// <summary>Live readings come faster than in the field, as the demo's level readings do.</summary>
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var simulation = options.Value.Simulation;
        var start = clock.GetUtcNow();
        var drop = !string.IsNullOrEmpty(simulation.ChlorineDrop) && TankSelector.TryParse(simulation.ChlorineDrop, out var target) ? target : null;
        var analysers = new List<(string Topic, SimulatedChlorine Chlorine)>();
        foreach (var camp in registry.Camps)
        {
            foreach (var tank in camp.Tanks)
            {
                var chlorine = new SimulatedChlorine(simulation.Seed + 1000 + analysers.Count)
                {
                    DropFrom = drop?.Matches(camp.Id, tank.Id) == true ? start - DropBeforeStart : null,
                };
                analysers.Add((QualityTopic.ForTank(camp.Id, tank.Id), chlorine));
            }
        }

        if (analysers.Count == 0)
        {
            return;
        }

        using var client = new MqttClientFactory().CreateMqttClient();
        var clientOptions = new MqttClientOptionsBuilder()
            .WithClientId("campwater-quality-simulator-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanStart(true)
            .WithBroker(options.Value.Mqtt)
            .Build();
        LogStarted(analysers.Count, simulation.ChlorineDrop ?? "none");

        var next = start - Replay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(clientOptions, stoppingToken);
                }

                // Catch up to now (the day before the start, at first), then one reading each per live interval.
                var now = clock.GetUtcNow();
                for (; next <= now; next += next < start ? ScenarioSimulation.QualityInterval : LiveInterval)
                {
                    foreach (var (topic, chlorine) in analysers)
                    {
                        await client.PublishAsync(
                            new MqttApplicationMessageBuilder()
                                .WithTopic(topic)
                                .WithPayload(chlorine.Read(next))
                                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                                .Build(),
                            stoppingToken);
                    }
                }

                await Task.Delay(next - now, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogPublishFailed(e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Analysers} chlorine analysers, a day replayed then a reading each every 5 min; chlorine drop at {Drop}")]
    private partial void LogStarted(int analysers, string drop);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The chlorine simulator could not publish: {Error}; it will try again")]
    private partial void LogPublishFailed(string error);
}
