using CampWater.Silo.Hosting;
using CampWater.Silo.Registry;
using CampWater.Silo.Simulation;

namespace CampWater.Sensors.Tests;

/// <summary>What the host's simulated sensors are asked to do at start: a demo week in Development, nothing replayed elsewhere.</summary>
public sealed class DemoWeekPlanTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 34, 56, TimeSpan.Zero);

    [Fact]
    public void In_development_the_plan_replays_7_days_from_a_whole_10_minutes_with_the_6_demo_stories_then_reads_every_5_s()
    {
        var plan = SensorSimulator.Plan(new CampWaterOptions().WithDefaults(), development: true, Now);

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 12, 30, 0, TimeSpan.Zero), plan.Start);
        Assert.Equal(TimeSpan.FromMinutes(10), plan.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), plan.LiveInterval);
        Assert.True(double.IsPositiveInfinity(plan.Speed));
        Assert.Equal(1000, plan.MaxMessagesPerSecond);
        Assert.Equal(["night-leak:atmeh-3/t1@+4d", "truck-no-show:atmeh-3/t2@+5d", "sensor-silent:kutupalong-c12/hill@+165h", "chlorine-drop:atmeh-3/t1@+146h", "short-delivery:atmeh-3/t4@+3d", "ghost-delivery:kutupalong-c12/north@+108h"], plan.Scenarios.Select(s => s.ToString()));
        Assert.Equal(["atmeh-3/t2", "kutupalong-c12/north"], plan.ChlorineAnalysers.Select(s => s.ToString()));
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

    [Fact]
    public void The_demo_week_ends_with_tank_t1s_chlorine_below_0_2_mg_per_litre_after_a_day_of_falling_while_t2s_stays_as_dosed()
    {
        var plan = SensorSimulator.Plan(new CampWaterOptions().WithDefaults(), development: true, Now);
        var simulation = new ScenarioSimulation(RegistryFile.Load(null, development: true).Camps, plan, plan.Start!.Value);
        var frc = new Dictionary<string, List<(DateTimeOffset At, double MgL)>>();
        for (var t = plan.Start!.Value; t < Now; t += plan.Interval)
        {
            foreach (var message in simulation.Step(t).Where(m => m.Topic.EndsWith("/quality", StringComparison.Ordinal)))
            {
                var reading = CampWater.Silo.Ingestion.QualityPayloadParser.Parse(message.Payload, Now, message.TankId, null).Reading!;
                (frc.TryGetValue(message.Topic, out var list) ? list : frc[message.Topic] = []).Add((reading.Ts, reading.FrcMgL!.Value));
            }
        }

        var t1 = frc["campwater/atmeh-3/tanks/t1/quality"];
        Assert.Equal(["campwater/atmeh-3/tanks/t1/quality", "campwater/atmeh-3/tanks/t2/quality", "campwater/kutupalong-c12/tanks/north/quality"], frc.Keys.Order());
        Assert.All(t1.Where(r => r.At < Now.AddHours(-22)), r => Assert.InRange(r.MgL, 0.55, 0.95));
        Assert.True(t1[^1].MgL < 0.2, $"t1 at the end: {t1[^1].MgL} mg/L");
        Assert.InRange((t1.First(r => r.MgL < 0.2).At - Now).TotalHours, -6, 0);
        Assert.All(frc["campwater/atmeh-3/tanks/t2/quality"], r => Assert.InRange(r.MgL, 0.55, 0.95));
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
