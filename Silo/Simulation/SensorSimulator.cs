using CampWater.Silo.Hosting;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Registry;
using CampWater.Water;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace CampWater.Silo.Simulation;

/// <summary>
/// Simulated sensors for every tank of the registry file, publishing through the real MQTT path (the
/// same broker and topics as field sensors), so the first screen of a demo is alive.
/// </summary>
public sealed partial class SensorSimulator(
    IOptions<CampWaterOptions> options,
    RegistryFile registry,
    TimeProvider clock,
    ILogger<SensorSimulator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var tanks = new List<SimulatedTank>();
        var seed = options.Value.Simulation.Seed;
        foreach (var camp in registry.Camps)
        {
            var serves = CampRollup.ServesPopulation(camp.Population, [.. camp.Tanks.Select(t => t.ServesPopulation)]);
            for (var i = 0; i < camp.Tanks.Length; i++)
            {
                tanks.Add(new SimulatedTank(camp.Id, camp.Tanks[i], camp.TimeZone, serves[i], seed + tanks.Count));
            }
        }

        if (tanks.Count == 0)
        {
            return;
        }

        var mqtt = options.Value.Mqtt;
        var clientOptions = new MqttClientOptionsBuilder()
            .WithClientId("campwater-simulator-" + Guid.NewGuid().ToString("N")[..8])
            .WithCleanStart(true)
            .WithBroker(mqtt);

        using var client = new MqttClientFactory().CreateMqttClient();
        var interval = TimeSpan.FromSeconds(options.Value.Simulation.IntervalSeconds);
        var last = clock.GetUtcNow();
        LogStarted(tanks.Count, interval.TotalSeconds);
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                if (!client.IsConnected)
                {
                    await client.ConnectAsync(clientOptions.Build().WithSocketBuffers(), stoppingToken);
                }

                var now = clock.GetUtcNow();
                var elapsed = now - last;
                last = now;
                foreach (var tank in tanks)
                {
                    var reading = tank.Step(now, elapsed);
                    await client.PublishAsync(
                        new MqttApplicationMessageBuilder()
                            .WithTopic($"campwater/{tank.CampId}/tanks/{tank.TankId}/level")
                            .WithPayload(reading.ToJson())
                            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                            .Build(),
                        stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPublishFailed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Simulating {Tanks} tank sensors, a reading each every {Seconds} s")]
    private partial void LogStarted(int tanks, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The simulator could not publish: {Error}; it will try again")]
    private partial void LogPublishFailed(string error);
}
