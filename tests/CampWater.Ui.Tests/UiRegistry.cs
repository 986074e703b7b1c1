namespace CampWater.Ui;

/// <summary>
/// The registry of the UI tests. Every tank is a 2,000 mm × 3,000 mm vertical cylinder (9,424.78 L)
/// with its sensor 3,300 mm above the floor; each test uses its own tank so that tests do not meet.
/// </summary>
internal static class UiRegistry
{
    public const string CampId = "ui";
    public const string CampName = "Zaatari 5";

    /// <summary>A camp of 1,200 people with three tanks and a tap stand <c>p1</c> of 6 taps, for the field staff's forms.</summary>
    public const string ServicesCampId = "ui-north";

    public static readonly string[] TankIds = ["tile", "ack", "roles", "offline", "weight", "shots", "crit", "fault"];

    public static string Json => $$"""
        {
          "camps": [{
            "id": "{{CampId}}", "name": "{{CampName}}", "timeZone": "Asia/Amman", "population": 3000, "targetLpd": 20,
            "tanks": [{{string.Join(",", TankIds.Select(Tank))}}]
          }, {
            "id": "{{ServicesCampId}}", "name": "Azraq North", "timeZone": "Asia/Amman", "population": 1200, "targetLpd": 20,
            "tanks": [{{Tank("n1")}}, {{Tank("n2")}}, {{Tank("n3")}}],
            "points": [{ "id": "p1", "name": "Tap stand 1", "kind": "tapstand", "tankId": "n1", "taps": 6 }]
          }]
        }
        """;

    private static string Tank(string id) => $$"""
        { "id": "{{id}}", "name": "Tank {{id}}", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 } }
        """;
}
