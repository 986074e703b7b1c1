using System.Collections.Frozen;
using CampWater.Registry;

namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>
/// The registry's <c>sensor.devEui</c>s, each to its tank, compared without regard to case. Immutable: a new
/// index replaces the old one whole. A devEui that two tanks name goes to the first of them (camps by id,
/// tanks in the camp's order) and is reported as a conflict.
/// </summary>
public sealed class DeviceIndex
{
    private readonly FrozenDictionary<string, TankAddress> _tanks;

    private DeviceIndex(FrozenDictionary<string, TankAddress> tanks, IReadOnlyList<string> conflicts)
    {
        _tanks = tanks;
        Conflicts = conflicts;
    }

    public static DeviceIndex Empty { get; } = new(FrozenDictionary<string, TankAddress>.Empty, []);

    public int Count => _tanks.Count;

    /// <summary>One line for each devEui that more than one tank names.</summary>
    public IReadOnlyList<string> Conflicts { get; }

    public static DeviceIndex From(IEnumerable<CampConfig> camps)
    {
        var tanks = new Dictionary<string, TankAddress>(StringComparer.OrdinalIgnoreCase);
        var conflicts = new List<string>();
        foreach (var camp in camps.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            foreach (var tank in camp.Tanks)
            {
                if (tank.Sensor.DevEui is not { Length: > 0 } devEui)
                {
                    continue;
                }

                var address = new TankAddress(camp.Id, tank.Id);
                if (!tanks.TryAdd(devEui, address))
                {
                    conflicts.Add($"devEui {devEui.ToUpperInvariant()} is named by {tanks[devEui]} and {address}; its readings go to {tanks[devEui]}");
                }
            }
        }

        return new DeviceIndex(tanks.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), conflicts);
    }

    public bool TryFind(string devEui, out TankAddress tank) => _tanks.TryGetValue(devEui, out tank);
}
