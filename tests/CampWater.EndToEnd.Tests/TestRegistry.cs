namespace CampWater.EndToEnd;

/// <summary>
/// The registry of the end-to-end tests. Every tank is a 2,000 mm × 3,000 mm vertical cylinder
/// (9,424.78 L, 3.14159 L per mm) with its sensor 3,300 mm above the floor; each test uses its own tank.
/// </summary>
internal static class TestRegistry
{
    /// <summary>Tanks that <c>mosquitto_pub</c> writes to by hand, one per MQTT version.</summary>
    public static readonly string[] ByHandTankIds = ["mqttv31", "mqttv311", "mqttv5"];

    public static readonly string[] TankIds = ["faults", "dup", "live", "api", "latency", "stored", .. ByHandTankIds];

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
          }, {
            "id": "{{LoRaWanCampId}}", "name": "LoRaWAN", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [{{string.Join(",", LoRaWanTanks.Select(t => Tank(t.Id, 30, t.DevEui)))}}]
          }, {
            "id": "{{BackfillCampId}}", "name": "LoRaWAN history", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [{{Tank("udl", 30, BackfillDevEui)}}]
          }, {
            "id": "{{QualityCampId}}", "name": "Water quality", "timeZone": "Asia/Damascus", "population": 2000, "targetLpd": 20,
            "tanks": [{{Tank("q1")}}, {{Tank("q2")}}],
            "points": [{ "id": "p1", "name": "Tap stand 1", "kind": "tapstand", "tankId": "q1", "taps": 8 },
                       { "id": "p2", "name": "Hand pump", "kind": "handpump", "taps": 1 }]
          }, {
            "id": "{{TapsCampId}}", "name": "Taps", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [{{Tank("t1")}}],
            "points": [{ "id": "p1", "name": "Tap stand 1", "kind": "tapstand", "tankId": "t1", "taps": 6 }]
          }, {
            "id": "{{SimulatorCampId}}", "name": "Simulated", "timeZone": "Asia/Damascus", "population": 900, "targetLpd": 20,
            "tanks": [{{Tank("leak", 30, "A840410000000011")}}, {{Tank("silent", 30, "24E1240000000012")}}, {{Tank("calm")}}]
          }]
        }
        """;

    /// <summary>A camp whose tanks each take the uplinks of one LoRaWAN device.</summary>
    public const string LoRaWanCampId = "e2e-lora";

    public static readonly (string Id, string DevEui)[] LoRaWanTanks =
    [
        ("cs-ldds75", "A840410000000001"), ("cs-plain", "A840410000000002"), ("tts-udl", "24E1240000000003"),
        ("tts-plain", "24E1240000000004"), ("faults", "A840410000000005"), ("moved", "A840410000000006"),
    ];

    /// <summary>A camp of 1,000 people with one EM500-UDL tank, so its days are that tank's days.</summary>
    public const string BackfillCampId = "e2e-lora-day";

    public const string BackfillDevEui = "24E1240000000007";

    /// <summary>The simulator's camp: <c>leak</c> and <c>silent</c> on LoRaWAN, <c>calm</c> native; 300 people each.</summary>
    public const string SimulatorCampId = "e2e-sim";

    /// <summary>A camp of 2,000 people with tanks <c>q1</c> and <c>q2</c> and water points <c>p1</c> (8 taps, from q1) and <c>p2</c> (a hand pump).</summary>
    public const string QualityCampId = "e2e-quality";

    /// <summary>A camp of 1,000 people with one tap stand <c>p1</c> of 6 taps.</summary>
    public const string TapsCampId = "e2e-taps";

    /// <summary>A camp whose tanks raise alerts: <c>low</c> (lowPct 25, criticalPct 10) and <c>quiet</c> (offline after 1 min).</summary>
    public const string AlertCampId = "e2e-alerts";

    private static string Tank(string id) => Tank(id, 30);

    private static string Tank(string id, int offlineAfterMin, string? devEui = null) => $$"""
        { "id": "{{id}}", "name": "Tank {{id}}", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250{{(devEui is null ? "" : $", \"devEui\": \"{devEui}\"")}} },
          "thresholds": { "offlineAfterMin": {{offlineAfterMin}} } }
        """;
}
