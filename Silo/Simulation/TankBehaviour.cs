namespace CampWater.Silo.Simulation;

/// <summary>
/// What a scenario changes about a simulated tank. The defaults are an ordinary camp day: people draw water,
/// a truck refills the tank when it runs low, the sensor reads and its battery wears slowly.
/// </summary>
public sealed class TankBehaviour
{
    /// <summary>Demand relative to the tank's served population; 1.5 after an influx of half as many people again.</summary>
    public double DemandFactor { get; set; } = 1;

    /// <summary>Water lost through a leak, as a share of capacity per hour, day and night.</summary>
    public double LeakShareOfCapacityPerHour { get; set; }

    /// <summary>Whether a truck (or pump) refills the tank when it runs low.</summary>
    public bool RefillsEnabled { get; set; } = true;

    /// <summary>The level at which a refill stops; above 100 it never stops and the tank overflows.</summary>
    public double RefillUntilPct { get; set; } = 92;

    /// <summary>Starts a refill at the next step whatever the level.</summary>
    public bool StartRefill { get; set; }

    /// <summary>How fast the battery wears, in percent per day.</summary>
    public double BatteryDrainPctPerDay { get; set; } = 0.3;

    /// <summary>The battery never wears below this; 0 once it is fading, and a sensor at 0 % falls silent.</summary>
    public double BatteryFloorPct { get; set; } = 5;

    /// <summary>The sensor reads nothing and sends nothing.</summary>
    public bool Silent { get; set; }

    /// <summary>Until then the sensor reads and sends, but no gateway hears it.</summary>
    public DateTimeOffset? UnheardUntil { get; set; }

    /// <summary>When the chlorine doser failed: from then the tank's free chlorine falls (see <see cref="SimulatedChlorine"/>).</summary>
    public DateTimeOffset? ChlorineDropFrom { get; set; }

    /// <summary>The next truck brings 30 % less than its voucher says (<c>short-delivery</c>).</summary>
    public bool ShortNextDelivery { get; set; }

    /// <summary>A voucher handed in for a truck that never came, at this time (<c>ghost-delivery</c>).</summary>
    public DateTimeOffset? GhostVoucherAt { get; set; }

    /// <summary>The litres the ghost voucher bills.</summary>
    public double GhostLitres { get; set; }
}
