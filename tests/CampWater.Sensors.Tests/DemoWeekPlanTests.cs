using CampWater.Silo.Hosting;
using CampWater.Silo.Registry;
using CampWater.Silo.Simulation;

namespace CampWater.Sensors.Tests;

/// <summary>What the host's simulated sensors are asked to do at start: a demo week in Development, nothing replayed elsewhere.</summary>
public sealed class DemoWeekPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 34, 56, TimeSpan.Zero);

    [Fact]
    public void In_development_the_plan_replays_7_days_from_a_whole_10_minutes_with_the_3_demo_stories_then_reads_every_5_s()
    {
        var plan = SensorSimulator.Plan(new CampWaterOptions().WithDefaults(), development: true, Now);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 12, 30, 0, TimeSpan.Zero), plan.Start);
        Assert.Equal(TimeSpan.FromMinutes(10), plan.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), plan.LiveInterval);
        Assert.True(double.IsPositiveInfinity(plan.Speed));
        Assert.Equal(1000, plan.MaxMessagesPerSecond);
        Assert.Equal(["night-leak:atmeh-3/t1@+4d", "truck-no-show:atmeh-3/t2@+5d", "sensor-silent:kutupalong-c12/hill@+165h"], plan.Scenarios.Select(s => s.ToString()));
        Assert.Equal(("127.0.0.1", 1883, 42), (plan.BrokerHost, plan.BrokerPort, plan.Seed));
    }

    [Fact]
    public void Outside_development_nothing_is_replayed_unless_HistoryDays_says_so()
    {
        var production = SensorSimulator.Plan(new CampWaterOptions().WithDefaults(), development: false, Now);
        Assert.Null(production.Start);
        Assert.Empty(production.Scenarios);

        var options = new CampWaterOptions { Simulation = { HistoryDays = 2, Scenarios = ["influx:atmeh-3"] } }.WithDefaults();
        var asked = SensorSimulator.Plan(options, development: false, Now);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 12, 30, 0, TimeSpan.Zero), asked.Start);
        Assert.Equal("influx:atmeh-3", Assert.Single(asked.Scenarios).ToString());
    }

    [Fact]
    public void Two_demo_weeks_of_the_demo_registry_from_one_seed_and_start_send_the_same_messages()
    {
        var plan = SensorSimulator.Plan(new CampWaterOptions().WithDefaults(), development: true, Now);
        var first = Messages(plan);
        var second = Messages(plan);

        Assert.Equal(first.Count, second.Count);
        Assert.True(first.Count > 1000, $"{first.Count} messages");
        Assert.Equal(first, second);
    }

    private static List<string> Messages(SimulationPlan plan)
    {
        var simulation = new ScenarioSimulation(RegistryFile.Load(null, development: true).Camps, plan, plan.Start!.Value);
        var messages = new List<string>();
        for (var t = plan.Start!.Value; t < Now; t += plan.Interval)
        {
            messages.AddRange(simulation.Step(t).Select(m => m.Topic + " " + m.PayloadText));
        }

        return messages;
    }
}
