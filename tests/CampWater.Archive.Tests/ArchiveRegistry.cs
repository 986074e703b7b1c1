namespace CampWater.ArchiveTests;

/// <summary>
/// The registry of the archive tests. Every tank is a 2,000 mm × 3,000 mm vertical cylinder (π L per mm
/// of level, 9,424.78 L) with its sensor 3,300 mm above the floor.
/// </summary>
internal static class ArchiveRegistry
{
    /// <summary>Ten tanks that take the 10,000 readings.</summary>
    public const string BulkCamp = "arch-bulk";

    /// <summary>Two tanks that read ten times a second through the outage.</summary>
    public const string SteadyCamp = "arch-steady";

    /// <summary>One tank that is drawn down to raise alerts and make a day's coverage.</summary>
    public const string AlertCamp = "arch-alerts";

    /// <summary>A tank with a chlorine analyser and a tap stand, for quality tests and tap counts.</summary>
    public const string ServicesCamp = "arch-services";

    public const double LitresPerMm = Math.PI;

    public const double FullMm = 3000;

    public static readonly string[] BulkTanks = [.. Enumerable.Range(1, 10).Select(i => $"b{i}")];

    public static readonly string[] SteadyTanks = ["s1", "s2"];

    public static string Json => $$"""
        {
          "camps": [
            { "id": "{{BulkCamp}}", "name": "Bulk", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
              "tanks": [{{string.Join(",", BulkTanks.Select(Tank))}}] },
            { "id": "{{SteadyCamp}}", "name": "Steady", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
              "tanks": [{{string.Join(",", SteadyTanks.Select(Tank))}}] },
            { "id": "{{AlertCamp}}", "name": "Alerts", "timeZone": "Asia/Damascus", "population": 500, "targetLpd": 20,
              "tanks": [{{Tank("low")}}] },
            { "id": "{{ServicesCamp}}", "name": "Services", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
              "tanks": [{{Tank("q1")}}],
              "points": [{ "id": "p1", "name": "Tap stand 1", "kind": "tapstand", "tankId": "q1", "taps": 6 }] }
          ]
        }
        """;

    private static string Tank(string id) => $$"""
        { "id": "{{id}}", "name": "Tank {{id}}", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 } }
        """;
}
