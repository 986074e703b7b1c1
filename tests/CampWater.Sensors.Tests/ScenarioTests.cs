using CampWater.Silo.Ingestion.LoRaWan;
using CampWater.Silo.Simulation;

namespace CampWater.Sensors.Tests;

public sealed class ScenarioTests
{
    private const double CapacityL = 9424.78;

    /// <summary>Litres that left the tank in the quiet hours 00:00–04:00 of the night after <see cref="SimulatedCamp.Evening"/>.</summary>
    private static double NightDrawL(ScenarioSimulation simulation, string tank)
    {
        var model = SimulatedCamp.TankOf(simulation, tank);
        double drawn = 0, previous = double.NaN;
        SimulatedCamp.Run(simulation, 7, (t, _) =>
        {
            var volume = model.Geometry.VolumeAt(model.LevelMm);
            var local = t.ToOffset(TimeSpan.FromHours(3));
            if (!double.IsNaN(previous) && local.Day == 28 && local.Hour < 4)
            {
                drawn += Math.Max(0, previous - volume);
            }

            previous = volume;
        });
        return drawn;
    }

    [Fact]
    public void A_night_leak_draws_over_5_percent_of_capacity_in_quiet_hours_where_the_same_tank_without_it_draws_under_1()
    {
        var leaking = NightDrawL(SimulatedCamp.Start(SimulatedCamp.With(SimulatedCamp.Scenario(ScenarioKind.NightLeak, "dragino"))), "dragino");
        var calm = NightDrawL(SimulatedCamp.Start(), "dragino");

        Assert.True(leaking > 0.05 * CapacityL, $"{leaking:0} L with the leak");
        Assert.True(calm < 0.01 * CapacityL, $"{calm:0} L without it");
    }

    [Fact]
    public void When_the_truck_does_not_come_the_tank_falls_below_10_percent_in_two_days_where_it_otherwise_never_falls_below_25()
    {
        double Lowest(SimulationPlan? plan)
        {
            var simulation = SimulatedCamp.Start(plan);
            var tank = SimulatedCamp.TankOf(simulation, "native");
            var lowest = 100.0;
            SimulatedCamp.Run(simulation, 48, (_, _) => lowest = Math.Min(lowest, tank.LevelMm / 30));
            return lowest;
        }

        Assert.True(Lowest(SimulatedCamp.With(SimulatedCamp.Scenario(ScenarioKind.TruckNoShow, "native"))) < 10);
        Assert.True(Lowest(null) > 25);
    }

    [Fact]
    public void A_pump_that_overfills_takes_the_tank_above_98_percent_within_3_hours_and_keeps_it_there()
    {
        var simulation = SimulatedCamp.Start(SimulatedCamp.With(SimulatedCamp.Scenario(ScenarioKind.PumpOverfill, "milesight")));
        var tank = SimulatedCamp.TankOf(simulation, "milesight");
        var above = new List<bool>();
        SimulatedCamp.Run(simulation, 6, (t, _) => above.Add(tank.LevelMm / 30 > 98));

        Assert.True(above.Skip(36).All(a => a), "above 98 % from 3 h on");
        var baseline = SimulatedCamp.Start();
        var calm = SimulatedCamp.TankOf(baseline, "milesight");
        var highest = 0.0;
        SimulatedCamp.Run(baseline, 48, (_, _) => highest = Math.Max(highest, calm.LevelMm / 30));
        Assert.True(highest < 98, $"without it the tank peaks at {highest:0.0} %");
    }

    [Fact]
    public void A_sensor_that_falls_silent_after_an_hour_sends_its_last_reading_at_55_minutes_while_the_others_go_on()
    {
        var simulation = SimulatedCamp.Start(SimulatedCamp.With(SimulatedCamp.Scenario(ScenarioKind.SensorSilent, "dragino", TimeSpan.FromHours(1))));
        var last = new Dictionary<string, DateTimeOffset>();
        SimulatedCamp.Run(simulation, 3, (t, messages) =>
        {
            foreach (var message in messages)
            {
                last[message.TankId] = t;
            }
        });

        Assert.Equal(SimulatedCamp.Evening.AddMinutes(55), last["dragino"]);
        Assert.Equal(SimulatedCamp.Evening.AddHours(3), last["milesight"]);
        Assert.Equal(SimulatedCamp.Evening.AddHours(3), last["native"]);
    }

    [Fact]
    public void A_fading_battery_reports_falling_figures_and_the_sensor_falls_silent_within_12_hours()
    {
        var simulation = SimulatedCamp.Start(SimulatedCamp.With(SimulatedCamp.Scenario(ScenarioKind.BatteryFade, "milesight")));
        var batteries = new List<double>();
        DateTimeOffset? lastHeard = null;
        SimulatedCamp.Run(simulation, 16, (t, messages) =>
        {
            if (messages.FirstOrDefault(m => m.TankId == "milesight") is { } message)
            {
                lastHeard = t;
                batteries.Add(System.Text.Json.JsonDocument.Parse(message.Payload).RootElement.GetProperty("object").GetProperty("battery").GetDouble());
            }
        });

        Assert.True(lastHeard <= SimulatedCamp.Evening.AddHours(12), $"last heard at {lastHeard:O}");
        Assert.True(batteries.Count > 100);
        Assert.Equal(batteries.OrderByDescending(b => b), batteries);
        Assert.True(batteries[^1] <= 1, $"last battery figure {batteries[^1]} %");
    }

    [Fact]
    public void An_influx_of_half_as_many_people_again_draws_1_5_times_the_water_of_a_morning()
    {
        double MorningDrawL(params Scenario[] scenarios)
        {
            var simulation = SimulatedCamp.Start(SimulatedCamp.With([SimulatedCamp.Scenario(ScenarioKind.TruckNoShow, "native"), .. scenarios]));
            var tank = SimulatedCamp.TankOf(simulation, "native");
            double drawn = 0, previous = double.NaN;
            SimulatedCamp.Run(simulation, 14, (t, _) =>
            {
                var volume = tank.Geometry.VolumeAt(tank.LevelMm);
                var hour = t.ToOffset(TimeSpan.FromHours(3)).Hour;
                if (!double.IsNaN(previous) && hour is >= 6 and < 12)
                {
                    drawn += previous - volume;
                }

                previous = volume;
            });
            return drawn;
        }

        var usual = MorningDrawL();
        var influx = MorningDrawL(SimulatedCamp.Scenario(ScenarioKind.Influx, "native"));

        Assert.True(usual > 1000, $"{usual:0} L on a usual morning");
        Assert.Equal(1.5, influx / usual, 2);
    }

    [Fact]
    public void After_a_2_hour_gateway_outage_the_EM500_UDL_sends_its_24_stored_readings_as_history_and_the_Dragino_just_resumes()
    {
        var outage = new Scenario(ScenarioKind.GatewayOutage, new TankSelector(SimulatedCamp.Id, null), TimeSpan.FromHours(1));
        var simulation = SimulatedCamp.Start(SimulatedCamp.With(outage));
        var heard = new List<(DateTimeOffset T, SensorMessage Message)>();
        SimulatedCamp.Run(simulation, 4, (t, messages) => heard.AddRange(messages.Select(m => (t, m))));

        var back = SimulatedCamp.Evening.AddHours(3);
        Assert.DoesNotContain(heard, h => h.T >= SimulatedCamp.Evening.AddHours(1) && h.T < back);
        var milesight = heard.Single(h => h.T == back && h.Message.TankId == "milesight").Message;
        var uplink = LoRaWanUplinkParser.Parse(LoRaWanNetwork.ChirpStack, milesight.Payload, back.AddSeconds(1)).Uplink!;
        Assert.Equal(25, uplink.Readings.Count);
        Assert.Equal(SimulatedCamp.Evening.AddHours(1), uplink.Readings[0].Ts);
        Assert.Equal(back, uplink.Readings[^1].Ts);
        Assert.Equal(uplink.Readings.OrderBy(r => r.Ts), uplink.Readings);

        var dragino = heard.Single(h => h.T == back && h.Message.TankId == "dragino").Message;
        Assert.Single(LoRaWanUplinkParser.Parse(LoRaWanNetwork.ChirpStack, dragino.Payload, back.AddSeconds(1)).Uplink!.Readings);
        var later = heard.Single(h => h.T == back.AddMinutes(5) && h.Message.TankId == "milesight").Message;
        Assert.Single(LoRaWanUplinkParser.Parse(LoRaWanNetwork.ChirpStack, later.Payload, back.AddMinutes(6)).Uplink!.Readings);
    }

    [Fact]
    public void The_same_seed_publishes_the_same_bytes_and_another_seed_other_ones()
    {
        static string[] Messages(int seed)
        {
            var simulation = SimulatedCamp.Start(new SimulationPlan { Seed = seed });
            var all = new List<string>();
            SimulatedCamp.Run(simulation, 2, (_, messages) => all.AddRange(messages.Select(m => m.Topic + " " + m.PayloadText)));
            return [.. all];
        }

        Assert.Equal(Messages(7), Messages(7));
        Assert.NotEqual(Messages(7), Messages(8));
    }

    [Theory]
    [InlineData("night-leak:atmeh-3/t1", ScenarioKind.NightLeak, "atmeh-3/t1", 0)]
    [InlineData("truck-no-show:atmeh-3", ScenarioKind.TruckNoShow, "atmeh-3", 0)]
    [InlineData("sensor-silent:atmeh-3/t2@+2h", ScenarioKind.SensorSilent, "atmeh-3/t2", 120)]
    [InlineData("influx:*@+30m", ScenarioKind.Influx, "*", 30)]
    public void Scenarios_read_as_kind_target_and_offset(string text, ScenarioKind kind, string target, int minutes)
    {
        Assert.True(Scenario.TryParse(text, out var scenario, out var problem), problem);
        Assert.Equal(kind, scenario.Kind);
        Assert.Equal(target, scenario.Target.ToString());
        Assert.Equal(TimeSpan.FromMinutes(minutes), scenario.After);
    }

    [Fact]
    public void An_unknown_scenario_names_the_known_ones()
    {
        Assert.False(Scenario.TryParse("flood:atmeh-3", out _, out var problem));
        Assert.Contains("night-leak, truck-no-show, pump-overfill, sensor-silent, battery-fade, influx", problem, StringComparison.Ordinal);
    }
}
