using System.Text.Json;
using CampWater.Silo.Simulation;

namespace CampWater.Sensors.Tests;

/// <summary>The simulated network: a reservoir feeding a block tank through a float valve, with a meter on that tank's inlet.</summary>
public sealed class NetworkSimulationTests
{
    [Fact]
    public void A_float_valve_tank_fed_by_a_reservoir_stays_above_90_percent_after_2_hours_for_a_day_while_its_meter_counts_what_left_the_reservoir()
    {
        var reservoir = SimulatedCamp.Tank("reservoir", null) with { Feeds = ["block"] };
        var camp = SimulatedCamp.Camp with { Tanks = [reservoir, SimulatedCamp.Tank("block", null)], Population = 400 };
        var plan = new SimulationPlan { MeteredInlets = [new TankSelector(SimulatedCamp.Id, "block")] };
        var simulation = new ScenarioSimulation([camp], plan, SimulatedCamp.Evening);
        var block = SimulatedCamp.TankOf(simulation, "block");
        var source = SimulatedCamp.TankOf(simulation, "reservoir");
        var totals = new List<double>();
        var lowest = 100.0;
        var filled = 0.0;
        SimulatedCamp.Run(simulation, 24, (t, messages) =>
        {
            // It starts wherever the seed put it; the valve has filled it after two hours.
            if (t >= SimulatedCamp.Evening.AddHours(2))
            {
                lowest = Math.Min(lowest, block.LevelMm / block.Geometry.FullHeightMm * 100);
            }

            foreach (var m in messages.Where(m => m.Topic.EndsWith("/inflow", StringComparison.Ordinal)))
            {
                var total = JsonDocument.Parse(m.PayloadText).RootElement.GetProperty("totalL").GetDouble();
                totals.Add(total);
                if (t < SimulatedCamp.Evening.AddHours(2))
                {
                    filled = total;
                }
            }
        });

        Assert.True(totals.Count >= 24 * 12, $"{totals.Count} meter totals in a day");
        Assert.Equal(totals.Order(), totals);
        Assert.True(lowest > 90, $"the block tank fell to {lowest:0.0} %");
        // The reservoir serves nobody directly: all 400 people are the block tank's, about 22 L each a day, and with
        // the valve holding the tank full the meter counts what they drew from 00:00 to 22:00.
        Assert.InRange(totals[^1] - filled, 400 * 22 * 0.975 * 0.9, 400 * 22 * 0.975 * 1.1);
        Assert.Same(source, block.Feeder);
    }
}
