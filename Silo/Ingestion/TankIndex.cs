using System.Collections.Frozen;
using CampWater.Registry;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// What the registry holds, as ingestion needs it at the edge: every camp's tank ids, and the <c>sensor.devEui</c>s,
/// each to its tank, compared without regard to case. Immutable: a new index replaces the old one whole. A devEui
/// that two tanks name goes to the first of them (camps by id, tanks in the camp's order) and is reported as a
/// conflict.
/// </summary>
public sealed class TankIndex
{
    private readonly FrozenDictionary<string, TankAddress> _devices;
    private readonly FrozenDictionary<string, FrozenSet<string>> _tanks;

    private TankIndex(FrozenDictionary<string, TankAddress> devices, FrozenDictionary<string, FrozenSet<string>> tanks, IReadOnlyList<string> conflicts)
    {
        _devices = devices;
        _tanks = tanks;
        Conflicts = conflicts;
    }

    public static TankIndex Empty { get; } = new(FrozenDictionary<string, TankAddress>.Empty, FrozenDictionary<string, FrozenSet<string>>.Empty, []);

    /// <summary>Tanks whose sensor has a devEui.</summary>
    public int DeviceCount => _devices.Count;

    public int TankCount => _tanks.Values.Sum(t => t.Count);

    /// <summary>One line for each devEui that more than one tank names.</summary>
    public IReadOnlyList<string> Conflicts { get; }

    public static TankIndex From(IEnumerable<CampConfig> camps)
    {
        var devices = new Dictionary<string, TankAddress>(StringComparer.OrdinalIgnoreCase);
        var tanks = new Dictionary<string, FrozenSet<string>>(StringComparer.Ordinal);
        var conflicts = new List<string>();
        foreach (var camp in camps.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            tanks[camp.Id] = camp.Tanks.Select(t => t.Id).ToFrozenSet(StringComparer.Ordinal);
            foreach (var tank in camp.Tanks)
            {
                if (tank.Sensor.DevEui is not { Length: > 0 } devEui)
                {
                    continue;
                }

                var address = new TankAddress(camp.Id, tank.Id);
                if (!devices.TryAdd(devEui, address))
                {
                    conflicts.Add($"devEui {devEui.ToUpperInvariant()} is named by {devices[devEui]} and {address}; its readings go to {devices[devEui]}");
                }
            }
        }

        return new TankIndex(devices.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), tanks.ToFrozenDictionary(StringComparer.Ordinal), conflicts);
    }

    public bool TryFind(string devEui, out TankAddress tank) => _devices.TryGetValue(devEui, out tank);

    /// <summary>Whether the registry has this camp: its water points are its services' to know.</summary>
    public bool KnowsCamp(string campId) => _tanks.ContainsKey(campId);

    /// <summary>Whether the registry has this tank in this camp (ids compared exactly, as in topics).</summary>
    public bool Knows(string campId, string tankId) => _tanks.TryGetValue(campId, out var tanks) && tanks.Contains(tankId);
}
