using System.Text;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Simulation;

namespace CampWater.Sensors.Tests;

/// <summary>The <c>chlorine-drop</c> scenario: a tank's chlorine analyser reads free chlorine falling below 0.2 mg/L over a day.</summary>
public sealed class ChlorineDropTests
{
    private static List<(DateTimeOffset At, double FrcMgL, string Tank)> Quality(ScenarioSimulation simulation, double hours)
    {
        var readings = new List<(DateTimeOffset, double, string)>();
        SimulatedCamp.Run(simulation, hours, (_, messages) =>
        {
            foreach (var message in messages.Where(m => m.Topic.EndsWith("/quality", StringComparison.Ordinal)))
            {
                Assert.True(QualityTopic.TryParse(message.Topic, out var camp, out var tank, out var point));
                Assert.Equal((SimulatedCamp.Id, (string?)null), (camp, point));
                var parsed = QualityPayloadParser.Parse(message.Payload, DateTimeOffset.MaxValue.AddDays(-1), tank, null);
                Assert.True(parsed.IsAccepted, parsed.Detail);
                readings.Add((parsed.Reading!.Ts, parsed.Reading.FrcMgL!.Value, tank!));
            }
        });
        return readings;
    }

    [Fact]
    public void Chlorine_that_begins_to_fall_after_an_hour_is_dosed_before_and_below_0_2_mg_per_litre_a_day_later()
    {
        var simulation = SimulatedCamp.Start(SimulatedCamp.With(SimulatedCamp.Scenario(ScenarioKind.ChlorineDrop, "native", TimeSpan.FromHours(1))));

        var readings = Quality(simulation, 27);

        Assert.All(readings, r => Assert.Equal("native", r.Tank));
        Assert.All(readings.Where(r => r.At < SimulatedCamp.Evening.AddHours(1)), r => Assert.InRange(r.FrcMgL, 0.55, 0.95));
        Assert.All(readings.Where(r => r.At >= SimulatedCamp.Evening.AddHours(25)), r => Assert.InRange(r.FrcMgL, 0.03, 0.17));
        var firstBelow = readings.First(r => r.FrcMgL < 0.2).At - SimulatedCamp.Evening;
        Assert.InRange(firstBelow.TotalHours, 16, 25);
    }

    [Fact]
    public void The_analyser_reports_every_15_minutes_and_tanks_without_the_scenario_have_none()
    {
        var simulation = SimulatedCamp.Start(SimulatedCamp.With(SimulatedCamp.Scenario(ScenarioKind.ChlorineDrop, "dragino")));

        var readings = Quality(simulation, 6);

        Assert.Equal(25, readings.Count); // 0:00 to 6:00 inclusive
        Assert.All(readings.Zip(readings.Skip(1)), pair => Assert.Equal(TimeSpan.FromMinutes(15), pair.Second.At - pair.First.At));
        Assert.All(readings, r => Assert.Equal("dragino", r.Tank));
    }

    [Fact]
    public void The_scenario_is_written_chlorine_drop_on_the_command_line()
    {
        Assert.True(Scenario.TryParse("chlorine-drop:atmeh-3/t1@+2h", out var scenario, out var problem), problem);
        Assert.Equal((ScenarioKind.ChlorineDrop, "atmeh-3/t1", TimeSpan.FromHours(2)), (scenario.Kind, scenario.Target.ToString(), scenario.After));
        Assert.Contains("chlorine-drop", Scenario.KindNames);
    }

    [Fact]
    public void Readings_with_noise_scatter_about_0_015_mg_per_litre_around_what_is_dosed()
    {
        var chlorine = new SimulatedChlorine(seed: 3);
        var at = SimulatedCamp.Evening;

        var values = Enumerable.Range(0, 400).Select(i => QualityPayloadParser.Parse(Encoding.UTF8.GetBytes(chlorine.Read(at.AddMinutes(i))), DateTimeOffset.MaxValue.AddDays(-1), "t", null).Reading!.FrcMgL!.Value).ToArray();

        var mean = values.Average();
        var sd = Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average());
        Assert.Equal(chlorine.TrueFrcMgL(at), mean, 2);
        Assert.InRange(sd, 0.01, 0.02);
    }
}
