using System.Globalization;
using System.Text.Json;

namespace CampWater.Load;

/// <summary>
/// N identical 3 m vertical-cylinder tanks spread evenly over M camps, each hovering between 40 % and 80 %
/// full so that a benchmark measures ingestion, not a storm of level alerts.
/// </summary>
public sealed class Fleet
{
    public const double DiameterMm = 3000;
    public const double HeightMm = 3000;
    public const double MountHeightMm = 3300;
    public const double BlindZoneMm = 280;

    private Fleet(IReadOnlyList<FleetTank> tanks, int camps)
    {
        Tanks = tanks;
        CampCount = camps;
    }

    public IReadOnlyList<FleetTank> Tanks { get; }

    public int CampCount { get; }

    public IEnumerable<string> CampIds => Tanks.Select(t => t.CampId).Distinct();

    public static Fleet Create(int tanks, int camps, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tanks, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(camps, 1);
        camps = Math.Min(camps, tanks);
        var perCamp = (tanks + camps - 1) / camps;
        var random = new Random(seed);
        var list = new List<FleetTank>(tanks);
        for (var i = 0; i < tanks; i++)
        {
            var levelMm = HeightMm * (0.4 + (0.4 * random.NextDouble()));
            list.Add(new FleetTank(
                i,
                CampId(i / perCamp),
                string.Create(CultureInfo.InvariantCulture, $"tank-{i:D6}"),
                string.Create(CultureInfo.InvariantCulture, $"CA3B{i:X12}"),
                Math.Round(MountHeightMm - levelMm)));
        }

        return new Fleet(list, (tanks + perCamp - 1) / perCamp);
    }

    public static string CampId(int index) => string.Create(CultureInfo.InvariantCulture, $"camp-{index:D4}");

    /// <summary>The registry file of docs/registry.md for the whole fleet.</summary>
    public void WriteRegistry(Stream output)
    {
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteStartArray("camps");
        foreach (var camp in Tanks.GroupBy(t => t.CampId))
        {
            WriteCamp(json, camp.Key, [.. camp]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The body of <c>PUT /api/camps/{campId}</c> (docs/api.md) for one camp of the fleet.</summary>
    public byte[] CampBody(string campId)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteCamp(json, campId, [.. Tanks.Where(t => t.CampId == campId)]);
        }

        return buffer.ToArray();
    }

    private static void WriteCamp(Utf8JsonWriter json, string campId, IReadOnlyList<FleetTank> tanks)
    {
        json.WriteStartObject();
        json.WriteString("id", campId);
        json.WriteString("name", "Load camp " + campId);
        json.WriteString("timeZone", "UTC");
        json.WriteNumber("population", 300 * tanks.Count);
        json.WriteNumber("targetLpd", 20);
        json.WriteStartArray("tanks");
        foreach (var tank in tanks)
        {
            json.WriteStartObject();
            json.WriteString("id", tank.TankId);
            json.WriteString("name", "Tank " + tank.TankId);
            json.WriteString("shape", "vertical-cylinder");
            json.WriteNumber("diameterMm", DiameterMm);
            json.WriteNumber("heightMm", HeightMm);
            json.WriteStartObject("sensor");
            json.WriteNumber("mountHeightMm", MountHeightMm);
            json.WriteNumber("blindZoneMm", BlindZoneMm);
            json.WriteString("devEui", tank.DevEui);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
