using System.Globalization;
using System.Text;

namespace CampWater.Durability;

/// <summary>
/// A deterministic stream of readings over several camps' tanks, levels swinging enough to raise and
/// resolve low-level, overflow and rapid-drop alerts. Readings are a minute apart per tank, ending a few
/// minutes ago in a camp zone where it is now about noon, so the whole stream lies in one camp-local day
/// and outside quiet hours.
/// </summary>
public sealed class ReadingStream
{
    private ReadingStream(string zoneId, IReadOnlyList<(string Topic, string Payload)> readings, IReadOnlyList<(string Camp, string Tank)> tanks, DateTimeOffset last)
    {
        ZoneId = zoneId;
        Readings = readings;
        Tanks = tanks;
        LastTs = last;
    }

    public string ZoneId { get; }

    public IReadOnlyList<(string Topic, string Payload)> Readings { get; }

    public IReadOnlyList<(string Camp, string Tank)> Tanks { get; }

    public DateTimeOffset LastTs { get; }

    public IEnumerable<string> CampIds => Tanks.Select(t => t.Camp).Distinct();

    public static ReadingStream Create(int camps, int tanksPerCamp, int readingsPerTank)
    {
        var now = DateTimeOffset.UtcNow;
        var offset = (12 - now.Hour + 24) % 24;
        offset = offset > 12 ? offset - 24 : offset;
        var zoneId = offset == 0 ? "Etc/GMT" : offset > 0 ? $"Etc/GMT-{offset}" : $"Etc/GMT+{-offset}";
        var first = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-(readingsPerTank + 5));

        var tanks = new List<(string, string)>();
        for (var c = 0; c < camps; c++)
        {
            for (var t = 0; t < tanksPerCamp; t++)
            {
                tanks.Add(($"camp-{c}", $"t{t}"));
            }
        }

        var readings = new List<(string, string)>(tanks.Count * readingsPerTank);
        for (var k = 0; k < readingsPerTank; k++)
        {
            var ts = first.AddMinutes(k).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);
            for (var i = 0; i < tanks.Count; i++)
            {
                var (camp, tank) = tanks[i];
                readings.Add(($"campwater/{camp}/tanks/{tank}/level", string.Create(
                    CultureInfo.InvariantCulture, $$"""{"ts":"{{ts}}","levelPct":{{Math.Round(Level(i, k), 3)}},"batteryPct":90}""")));
            }
        }

        return new ReadingStream(zoneId, readings, tanks, first.AddMinutes(readingsPerTank - 1));
    }

    /// <summary>Tank i at minute k: a swing of 20, 35 or 47.5 points around 52 %, each tank a different phase and period.</summary>
    private static double Level(int i, int k)
    {
        double[] amplitudes = [20, 35, 47.5];
        var period = 40 + (i % 5 * 10);
        return 52 + (amplitudes[i % 3] * Math.Sin((2 * Math.PI * (k + (i * 7))) / period));
    }

    public string RegistryJson(int offlineAfterMin = 600)
    {
        var json = new StringBuilder("""{ "camps": [""");
        var campIndex = 0;
        foreach (var camp in CampIds)
        {
            json.Append(campIndex++ == 0 ? "" : ",");
            json.Append(CultureInfo.InvariantCulture, $$"""{ "id": "{{camp}}", "name": "Camp {{camp}}", "timeZone": "{{ZoneId}}", "population": 2000, "tanks": [""");
            var tankIndex = 0;
            foreach (var (_, tank) in Tanks.Where(t => t.Camp == camp))
            {
                json.Append(tankIndex++ == 0 ? "" : ",");
                json.Append(CultureInfo.InvariantCulture, $$"""
                    { "id": "{{tank}}", "name": "Tank {{tank}}", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
                      "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 }, "thresholds": { "offlineAfterMin": {{offlineAfterMin}} } }
                    """);
            }

            json.Append("]}");
        }

        return json.Append("]}").ToString();
    }
}
