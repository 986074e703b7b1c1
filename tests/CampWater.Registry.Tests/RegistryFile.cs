using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampWater.Registry.Tests;

/// <summary>The example document of docs/registry.md, and edits of it that break one rule at a time.</summary>
internal static class RegistryFile
{
    public const string ContractExample = """
        {
          "camps": [{
            "id": "atmeh-3", "name": "Atmeh 3", "timeZone": "Asia/Damascus",
            "population": 4500, "targetLpd": 20, "quietHours": "00:00-04:00",
            "tanks": [{
              "id": "t1", "name": "Elevated tank A", "servesPopulation": 1500,
              "shape": "vertical-cylinder", "diameterMm": 3000, "heightMm": 3000,
              "sensor": { "mountHeightMm": 3300, "blindZoneMm": 280, "devEui": "A84041000181C3F1" },
              "thresholds": { "lowPct": 25, "criticalPct": 10, "overflowPct": 98,
                              "offlineAfterMin": 30, "rapidDropPctPerHour": 30, "nightDrawPct": 5 }
            }]
          }]
        }
        """;

    public static JsonObject Example() => JsonNode.Parse(ContractExample)!.AsObject();

    public static JsonObject Camp(JsonObject file, int index = 0) => file["camps"]![index]!.AsObject();

    public static JsonObject Tank(JsonObject file, int camp = 0, int tank = 0) => Camp(file, camp)["tanks"]![tank]!.AsObject();

    public static Validated<IReadOnlyList<CampConfig>> Read(JsonObject file) => RegistryReader.ReadFile(file.ToJsonString());

    /// <summary>The example with the camp edited; exactly one problem is expected.</summary>
    public static RegistryProblem ProblemWithCamp(Action<JsonObject> edit)
    {
        var file = Example();
        edit(Camp(file));
        return SingleProblem(file);
    }

    /// <summary>The example with its tank edited; exactly one problem is expected.</summary>
    public static RegistryProblem ProblemWithTank(Action<JsonObject> edit)
    {
        var file = Example();
        edit(Tank(file));
        return SingleProblem(file);
    }

    /// <summary>The example with its tank edited; no problem is expected.</summary>
    public static TankConfig TankWith(Action<JsonObject> edit) => CampWith(camp => edit(camp["tanks"]![0]!.AsObject())).Tanks.Single();

    /// <summary>The example with the camp edited; no problem is expected.</summary>
    public static CampConfig CampWith(Action<JsonObject> edit)
    {
        var file = Example();
        edit(Camp(file));
        var result = Read(file);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems.Select(p => p.Message)));
        return Assert.Single(result.Value!);
    }

    /// <summary>Replaces the geometry of a tank: removes every dimension, then sets those given.</summary>
    public static void Reshape(JsonObject tank, string shape, params (string Name, JsonNode? Value)[] fields)
    {
        foreach (var name in new[] { "diameterMm", "heightMm", "lengthMm", "widthMm", "strapping" })
        {
            tank.Remove(name);
        }

        tank["shape"] = shape;
        foreach (var (name, value) in fields)
        {
            tank[name] = value;
        }
    }

    public static JsonNode? Json(string json) => JsonNode.Parse(json);

    public static JsonElement Element(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static JsonElement Element(JsonNode node) => Element(node.ToJsonString());

    private static RegistryProblem SingleProblem(JsonObject file)
    {
        var result = Read(file);
        Assert.Null(result.Value);
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems);
    }
}
