using System.Text.Json.Nodes;
using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class RegistryWriterTests
{
    private static CampConfig ExampleCamp() => Assert.Single(RegistryReader.ReadFile(ContractExample).Value!);

    [Fact]
    public void The_contract_example_written_back_is_the_contract_example_with_the_services_defaults()
    {
        var written = RegistryWriter.ToJson(ExampleCamp());

        var expected = Camp(Example());
        expected["quality"] = Json(""" { "frcMaxMgL": 2, "turbidityMaxNtu": 5, "phMin": 6.5, "phMax": 8.5, "outbreak": false } """);
        expected["points"] = new JsonArray();
        expected["maxPeoplePerTap"] = 250;
        expected["maxPeoplePerLatrine"] = 50;
        Assert.True(JsonNode.DeepEquals(expected, written), written.ToJsonString());
    }

    [Fact]
    public void Defaults_left_out_of_the_file_are_written_out_in_full()
    {
        var camp = CampWith(camp =>
        {
            camp.Remove("targetLpd");
            camp.Remove("quietHours");
            camp["tanks"]![0]!.AsObject().Remove("thresholds");
        });

        var written = RegistryWriter.ToJson(camp);

        Assert.Equal(20, written["targetLpd"]!.GetValue<double>());
        Assert.Equal("00:00-04:00", written["quietHours"]!.GetValue<string>());
        Assert.Equal(25, written["tanks"]![0]!["thresholds"]!["lowPct"]!.GetValue<double>());
        Assert.Equal(30, written["tanks"]![0]!["thresholds"]!["offlineAfterMin"]!.GetValue<int>());
    }

    [Fact]
    public void Shapes_are_written_in_kebab_case()
    {
        Assert.Equal(
            ["vertical-cylinder", "horizontal-cylinder", "rectangular", "table"],
            new[] { "vertical-cylinder", "horizontal-cylinder", "rectangular", "table" }
                .Select(shape => RegistryWriter.ToJson(TankWith(tank => Reshape(tank, shape, TankRuleTests.AllOf(shape))))["shape"]!.GetValue<string>())
                .ToArray());
    }

    [Fact]
    public void Strapping_is_written_as_pairs_of_levelMm_and_litres()
    {
        var tank = TankWith(tank => Reshape(tank, "table", ("strapping", Json("[[0, 0], [1000, 4000.5]]"))));

        var written = RegistryWriter.ToJson(tank);

        Assert.Equal("[[0,0],[1000,4000.5]]", written["strapping"]!.ToJsonString());
        Assert.False(written.ContainsKey("diameterMm"));
        Assert.False(written.ContainsKey("heightMm"));
    }

    [Fact]
    public void Absent_servesPopulation_and_devEui_are_left_out_not_written_as_null()
    {
        var tank = TankWith(tank =>
        {
            tank.Remove("servesPopulation");
            tank["sensor"]!.AsObject().Remove("devEui");
        });

        var written = RegistryWriter.ToJson(tank);

        Assert.False(written.ContainsKey("servesPopulation"));
        Assert.False(written["sensor"]!.AsObject().ContainsKey("devEui"));
    }

    [Theory]
    [InlineData("vertical-cylinder")]
    [InlineData("horizontal-cylinder")]
    [InlineData("rectangular")]
    [InlineData("table")]
    public void A_camp_written_and_read_as_an_API_body_round_trips_for_each_shape(string shape)
    {
        var camp = CampWith(c => Reshape(c["tanks"]![0]!.AsObject(), shape, TankRuleTests.AllOf(shape)));

        var written = RegistryWriter.ToJson(camp);
        var again = RegistryReader.ReadCamp(camp.Id, Element(written));

        Assert.True(again.IsValid, string.Join("; ", again.Problems));
        Assert.True(JsonNode.DeepEquals(written, RegistryWriter.ToJson(again.Value!)));
        AssertSameCamp(camp, again.Value!);
    }

    [Fact]
    public void A_tank_written_and_read_as_an_API_body_round_trips()
    {
        var tank = TankWith(tank => tank["sensor"]!["devEui"] = "a84041000181c3f1");

        var again = RegistryReader.ReadTank(tank.Id, Element(RegistryWriter.ToJson(tank)));

        Assert.True(again.IsValid);
        AssertSameTank(tank, again.Value!);
    }

    [Fact]
    public void A_file_of_written_camps_reads_back_as_the_same_camps()
    {
        var file = Example();
        var second = Camp(file).DeepClone().AsObject();
        second["id"] = "atmeh-4";
        second["quietHours"] = "22:00-05:00";
        file["camps"]!.AsArray().Add(second);
        var camps = Read(file).Value!;

        var written = new JsonObject { ["camps"] = new JsonArray(camps.Select(c => (JsonNode)RegistryWriter.ToJson(c)).ToArray()) };
        var again = RegistryReader.ReadFile(written.ToJsonString()).Value!;

        Assert.Equal(2, again.Count);
        AssertSameCamp(camps[0], again[0]);
        AssertSameCamp(camps[1], again[1]);
    }

    // CampConfig and TankConfig hold immutable arrays, which compare by reference: compare member by member.
    private static void AssertSameCamp(CampConfig expected, CampConfig actual)
    {
        Assert.Equal(expected with { Tanks = [] }, actual with { Tanks = [] });
        Assert.Equal(expected.Tanks.Length, actual.Tanks.Length);
        for (var i = 0; i < expected.Tanks.Length; i++)
        {
            AssertSameTank(expected.Tanks[i], actual.Tanks[i]);
        }
    }

    private static void AssertSameTank(TankConfig expected, TankConfig actual)
    {
        Assert.Equal(expected.Strapping.ToArray(), actual.Strapping.ToArray());
        Assert.Equal(expected with { Strapping = [] }, actual with { Strapping = [] });
    }
}
