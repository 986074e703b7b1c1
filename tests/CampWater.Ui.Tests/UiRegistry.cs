namespace CampWater.Ui;

/// <summary>
/// The registry of the UI tests. Every tank is a 2,000 mm × 3,000 mm vertical cylinder (9,424.78 L)
/// with its sensor 3,300 mm above the floor; each test uses its own tank so that tests do not meet.
/// Camp <see cref="DamascusCampId"/> is in Asia/Damascus while the browsers read it from elsewhere.
/// </summary>
internal static class UiRegistry
{
    public const string CampId = "ui";
    public const string CampName = "Zaatari 5";

    /// <summary>A camp of 1,200 people with tanks w1, w2, w3 and a tap stand <c>p1</c> of 6 taps, for the field staff's forms.</summary>
    public const string ServicesCampId = "ui-svc";

    /// <summary>The tank whose readings are timed while sign-ins flood the host.</summary>
    public const string FloodTankId = "flood";

    /// <summary>A tank in Azraq North whose sensor gives noisy readings and one false echo, for the level chart.</summary>
    public const string EchoTankId = "echo";

    public const string DamascusCampId = "ui-sy";
    public const string DamascusCampName = "Atmeh 9";

    /// <summary>A camp of 1,000 people with one tank, whose days the coverage tests fill or leave empty.</summary>
    public const string CoverageCampId = "ui-cov";

    /// <summary>
    /// A camp of 1,000 people in Asia/Damascus with one tank, <c>lang-day</c>, and a tap stand <c>lp1</c> of 6 taps on
    /// it, whose alerts are worded in every language: a night that draws too much, a day short of water, a sensor
    /// gone quiet, taps and latrines short.
    /// </summary>
    public const string LanguageCampId = "ui-lang";

    public static readonly string[] TankIds = ["tile", "ack", "roles", "offline", "weight", "shots", "crit", "fault", "form", "cross", "lang", "langq", "lang-over", "lang-fault", "lang-frc", "lang-drop", "lang-note", "lang-card", "lang-ghost", "lang-short", "sw-ack", "sw-gone", "lang-truck", "sw-truck"];

    /// <summary>Tanks with names of their own, for the inbox: the id alone must never be what a person reads.</summary>
    public static readonly (string Id, string Name)[] NamedTanks = [("b7", "Elevated tank B"), ("hill", "Hill reservoir")];

    public static string Json => $$"""
        {
          "camps": [{
            "id": "{{CampId}}", "name": "{{CampName}}", "timeZone": "Asia/Amman", "population": 3000, "targetLpd": 20,
            "tanks": [{{string.Join(",", TankIds.Select(id => Tank(id)).Concat(NamedTanks.Select(t => Tank(t.Id, t.Name))))}}]
          }, {
            "id": "ui-north", "name": "Azraq North", "timeZone": "Asia/Amman", "population": 1200, "targetLpd": 20,
            "tanks": [{{Tank("n1")}}, {{Tank("n2")}}, {{Tank("n3")}}, {{Tank(FloodTankId)}}, {{Tank(EchoTankId)}}]
          }, {
            "id": "{{DamascusCampId}}", "name": "{{DamascusCampName}}", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [{{Tank("clock")}}]
          }, {
            "id": "{{CoverageCampId}}", "name": "Atmeh 10", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [{{Tank("days")}}]
          }, {
            "id": "{{ServicesCampId}}", "name": "Azraq South", "timeZone": "Asia/Amman", "population": 1200, "targetLpd": 20,
            "tanks": [{{Tank("w1")}}, {{Tank("w2")}}, {{Tank("w3")}}],
            "points": [{ "id": "p1", "name": "Tap stand 1", "kind": "tapstand", "tankId": "w1", "taps": 6 }]
          }, {
            "id": "{{LanguageCampId}}", "name": "Sarmada 3", "timeZone": "Asia/Damascus", "population": 1000, "targetLpd": 20,
            "tanks": [{{Tank("lang-day")}}],
            "points": [{ "id": "lp1", "name": "Tap stand 1", "kind": "tapstand", "tankId": "lang-day", "taps": 6 }]
          }]
        }
        """;

    private static string Tank(string id, string? name = null) => $$"""
        { "id": "{{id}}", "name": "{{name ?? $"Tank {id}"}}", "shape": "vertical-cylinder", "diameterMm": 2000, "heightMm": 3000,
          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 250 } }
        """;
}
