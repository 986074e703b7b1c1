namespace CampWater.EndToEnd;

/// <summary>
/// The registry of the end-to-end tests. Every tank is a 2,000 mm × 3,000 mm vertical cylinder
/// (9,424.78 L, 3.14159 L per mm) with its sensor 3,300 mm above the floor; each test uses its own tank.
/// </summary>
internal static class TestRegistry
{
    public static readonly string[] TankIds = ["faults", "dup", "live", "api", "latency"];

    /// <summary>A camp of 1,000 people with one tank, so its days are that tank's days.</summary>
    public const string DayCampId = "e2e-day";

    public static string Json => $$"""
        {
          "camps": [{
            "id": "e2e", "name": "End to end", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [{{string.Join(",", TankIds.Select(id => Tank(id)))}}]
          }, {
            "id": "{{AlertCampId}}", "name": "Alerts", "timeZone": "Asia/Damascus", "population": 500, "targetLpd": 20,
            "tanks": [{{Tank("low")}}, {{Tank("quiet", offlineAfterMin: 1)}}]
          }, {
            "id": "{{DayCampId}}", "name": "One tank", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [{{Tank("day")}}]
          }]
        }
        """;

    /// <summary>A camp whose tanks raise alerts: <c>low</c> (lowPct 25, criticalPct 10) and <c>quiet</c> (offline after 1 min).</summary>
    public const string AlertCampId = "e2e-alerts";

    private static string Tank(string id) => Tank(id, 30);

    private static string Tank(string id, int offlineAfterMin) => $$"""
        { "id": "{{id}}", "name": "Tank {{id}}", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 },
          "thresholds": { "offlineAfterMin": {{offlineAfterMin}} } }
        """;
}
