using CampWater.Silo.Simulation;

namespace CampWater.Sensors.Tests;

/// <summary>The trucks of the simulated camp and the vouchers their drivers hand over.</summary>
public sealed class TruckingScenarioTests
{
    /// <summary>Two days of the camp: every voucher handed over, and each tank's pumped litres per fill by the tank's own volume.</summary>
    private static List<SimulatedVoucher> TwoDays(ScenarioSimulation simulation)
    {
        var vouchers = new List<SimulatedVoucher>();
        SimulatedCamp.Run(simulation, 48, (_, _) => vouchers.AddRange(simulation.TakeVouchers()));
        return vouchers;
    }

    [Fact]
    public void Every_truck_of_two_ordinary_days_hands_over_a_voucher_in_whole_hundreds_of_litres_of_about_half_the_tank()
    {
        var vouchers = TwoDays(SimulatedCamp.Start());

        Assert.True(vouchers.Count >= 3, $"{vouchers.Count} vouchers");
        Assert.All(vouchers, v =>
        {
            Assert.Equal(0, v.Litres % 100);
            Assert.InRange(v.Litres, 0.3 * 9424.78, 0.95 * 9424.78);
        });
        Assert.Equal(vouchers.Count, vouchers.Select(v => (v.Contractor, v.VoucherNo)).Distinct().Count());
    }

    [Fact]
    public void A_short_delivery_bills_the_next_fill_of_the_native_tank_at_1_over_0_7_of_what_its_truck_pumped()
    {
        var honest = TwoDays(SimulatedCamp.Start()).Where(v => v.TankId == "native").ToList();
        var cheated = TwoDays(SimulatedCamp.Start(SimulatedCamp.With(SimulatedCamp.Scenario(ScenarioKind.ShortDelivery, "native")))).Where(v => v.TankId == "native").ToList();

        // The same trucks, the same seed: only the first voucher after the scenario began says more.
        Assert.Equal(honest.Select(v => v.DeliveredAt), cheated.Select(v => v.DeliveredAt));
        Assert.InRange(cheated[0].Litres, (honest[0].Litres / 0.7) - 100, (honest[0].Litres / 0.7) + 100);
        Assert.Equal(honest.Skip(1).Select(v => v.Litres), cheated.Skip(1).Select(v => v.Litres));
    }

    [Fact]
    public void A_ghost_delivery_at_plus_3_h_hands_over_a_voucher_of_a_third_of_the_tank_at_01_00_with_no_fill_of_its_own()
    {
        var honest = TwoDays(SimulatedCamp.Start());
        var ghosted = TwoDays(SimulatedCamp.Start(SimulatedCamp.With(SimulatedCamp.Scenario(ScenarioKind.GhostDelivery, "dragino", TimeSpan.FromHours(3)))));

        var ghost = Assert.Single(ghosted.Except(honest));
        Assert.Equal(("dragino", SimulatedCamp.Evening.AddHours(3), 3100.0), (ghost.TankId, ghost.DeliveredAt, ghost.Litres));
    }

    [Theory]
    [InlineData("short-delivery:atmeh-3/t4@+3d", ScenarioKind.ShortDelivery)]
    [InlineData("ghost-delivery:kutupalong-c12/north@+108h", ScenarioKind.GhostDelivery)]
    public void The_trucking_scenarios_are_read_from_their_names(string text, ScenarioKind kind)
    {
        Assert.True(Scenario.TryParse(text, out var scenario, out var problem), problem);
        Assert.Equal(kind, scenario.Kind);
        Assert.Equal(text, scenario.ToString());
    }
}
