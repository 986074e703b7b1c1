using System.Globalization;

namespace CampWater.Silo.Simulation;

/// <summary>
/// A scenario switched on for some tanks at an offset into the simulation: <c>kind:target[@+offset]</c>, for
/// example <c>night-leak:atmeh-3/t1</c> or <c>sensor-silent:atmeh-3/t2@+2h</c>.
/// </summary>
public sealed record Scenario(ScenarioKind Kind, TankSelector Target, TimeSpan After)
{
    public const double LeakShareOfCapacityPerHour = 0.025;
    public const double InfluxDemandFactor = 1.5;
    public static readonly TimeSpan BatteryFadeTime = TimeSpan.FromHours(12);
    public static readonly TimeSpan OutageTime = TimeSpan.FromHours(2);
    public static readonly TimeSpan ChlorineDropTime = TimeSpan.FromDays(1);

    private static readonly (string Name, ScenarioKind Kind)[] Names =
    [
        ("night-leak", ScenarioKind.NightLeak), ("truck-no-show", ScenarioKind.TruckNoShow), ("pump-overfill", ScenarioKind.PumpOverfill),
        ("sensor-silent", ScenarioKind.SensorSilent), ("battery-fade", ScenarioKind.BatteryFade), ("influx", ScenarioKind.Influx),
        ("gateway-outage", ScenarioKind.GatewayOutage), ("chlorine-drop", ScenarioKind.ChlorineDrop),
        ("short-delivery", ScenarioKind.ShortDelivery), ("ghost-delivery", ScenarioKind.GhostDelivery),
    ];

    public static IEnumerable<string> KindNames => Names.Select(n => n.Name);

    public static string NameOf(ScenarioKind kind) => Names.First(n => n.Kind == kind).Name;

    public static bool TryParse(string text, out Scenario scenario, out string problem)
    {
        scenario = null!;
        problem = "";
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kindText = colon < 0 ? text : text[..colon];
        var rest = colon < 0 ? "*" : text[(colon + 1)..];
        var match = Names.Where(n => n.Name == kindText).Select(n => (ScenarioKind?)n.Kind).FirstOrDefault();
        if (match is not { } kind)
        {
            problem = $"unknown scenario '{kindText}'; known: {string.Join(", ", KindNames)}";
            return false;
        }

        var after = TimeSpan.Zero;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!Durations.TryParse(rest[(at + 1)..].TrimStart('+'), out after))
            {
                problem = $"'{rest[(at + 1)..]}' in '{text}' is not an offset like +30m, +2h or +1d";
                return false;
            }

            rest = rest[..at];
        }

        if (!TankSelector.TryParse(rest, out var target))
        {
            problem = $"'{rest}' in '{text}' is not '*', a camp id or camp/tank";
            return false;
        }

        scenario = new Scenario(kind, target, after);
        return true;
    }

    /// <summary>Changes a tank as the scenario says, at the moment it begins.</summary>
    public void Begin(SimulatedTank tank, DateTimeOffset at)
    {
        var behaviour = tank.Behaviour;
        switch (Kind)
        {
            case ScenarioKind.NightLeak:
                behaviour.LeakShareOfCapacityPerHour = LeakShareOfCapacityPerHour;
                break;
            case ScenarioKind.TruckNoShow:
                behaviour.RefillsEnabled = false;
                break;
            case ScenarioKind.PumpOverfill:
                behaviour.RefillsEnabled = true;
                behaviour.RefillUntilPct = double.PositiveInfinity;
                behaviour.StartRefill = true;
                break;
            case ScenarioKind.SensorSilent:
                behaviour.Silent = true;
                break;
            case ScenarioKind.BatteryFade:
                behaviour.BatteryFloorPct = 0;
                behaviour.BatteryDrainPctPerDay = tank.BatteryPct / BatteryFadeTime.TotalDays;
                break;
            case ScenarioKind.Influx:
                behaviour.DemandFactor = InfluxDemandFactor;
                break;
            case ScenarioKind.GatewayOutage:
                behaviour.UnheardUntil = at + OutageTime;
                break;
            case ScenarioKind.ChlorineDrop:
                behaviour.ChlorineDropFrom = at;
                break;
            case ScenarioKind.ShortDelivery:
                behaviour.ShortNextDelivery = true;
                break;
            case ScenarioKind.GhostDelivery:
                behaviour.GhostVoucherAt = at;
                behaviour.GhostLitres = tank.Geometry.CapacityL / 3;
                break;
        }
    }

    public override string ToString() =>
        After == TimeSpan.Zero ? $"{NameOf(Kind)}:{Target}" : string.Create(CultureInfo.InvariantCulture, $"{NameOf(Kind)}:{Target}@+{Durations.Format(After)}");
}
