using Xunit;
using CampWater.FieldData;
using CampWater.Registry;

namespace CampWater.Trucking;

public sealed class DeliveryTanksTests
{
    private static CampConfig Camp(params TankConfig[] tanks) =>
        new("net", "Network camp", "UTC", 4000, 20, CampConfig.DefaultQuietHours, [.. tanks]);

    [Fact]
    public void Of_a_reservoir_feeding_north_and_south_and_a_trucked_tank_only_the_reservoir_and_the_trucked_tank_take_deliveries()
    {
        var camp = Camp(
            NetworkTanks.Reservoir("reservoir", "north", "south"),
            NetworkTanks.Elevated("north", 2000),
            NetworkTanks.Elevated("south", 2000),
            NetworkTanks.Elevated("trucked", 1000));

        Assert.True(DeliveryTanks.TakesDeliveries(camp, "reservoir"));
        Assert.True(DeliveryTanks.TakesDeliveries(camp, "trucked"));
        Assert.False(DeliveryTanks.TakesDeliveries(camp, "north"));
        Assert.False(DeliveryTanks.TakesDeliveries(camp, "south"));
        Assert.False(DeliveryTanks.TakesDeliveries(camp, "elsewhere"));
    }
}
