using System.Text.Json.Nodes;
using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

/// <summary>The network of tanks (<c>feeds</c>), the usable water (<c>outletMm</c>) and the dated population (<c>populationHistory</c>).</summary>
public sealed class NetworkRuleTests
{
    private static JsonObject WithSecondTank(JsonObject file, string id = "t2")
    {
        var second = Tank(file).DeepClone().AsObject();
        second["id"] = id;
        Camp(file)["tanks"]!.AsArray().Add(second);
        return file;
    }

    [Fact]
    public void A_reservoir_t1_feeding_t2_is_read_and_written_back_with_its_feeds()
    {
        var file = WithSecondTank(Example());
        Tank(file)["feeds"] = new JsonArray("t2");

        var camp = Assert.Single(Read(file).Value!);

        Assert.Equal(["t2"], camp.Tanks[0].Feeds);
        Assert.True(camp.Tanks[1].FeedsOrEmpty.IsEmpty);
        Assert.Equal("[\"t2\"]", RegistryWriter.ToJson(camp.Tanks[0])["feeds"]!.ToJsonString());
        Assert.Null(RegistryWriter.ToJson(camp.Tanks[1])["feeds"]);
    }

    [Fact]
    public void Feeds_naming_tank_t9_that_the_camp_does_not_have_is_refused_naming_feeds()
    {
        var file = WithSecondTank(Example());
        Tank(file)["feeds"] = new JsonArray("t9");

        var problem = Assert.Single(Read(file).Problems);

        Assert.Equal("t1", problem.TankId);
        Assert.Equal("feeds", problem.Field);
        Assert.Contains("'t9', which is not a tank of this camp", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tank_t1_feeding_itself_is_refused_naming_feeds_0()
    {
        var problem = ProblemWithTank(tank => tank["feeds"] = new JsonArray("t1"));

        Assert.Equal("feeds[0]", problem.Field);
        Assert.Contains("cannot feed itself", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_t1_to_t2_to_t3_to_t1_is_refused_naming_feeds_and_the_cycle()
    {
        var file = WithSecondTank(WithSecondTank(Example()), "t3");
        Tank(file, tank: 0)["feeds"] = new JsonArray("t2");
        Tank(file, tank: 1)["feeds"] = new JsonArray("t3");
        Tank(file, tank: 2)["feeds"] = new JsonArray("t1");

        var result = Read(file);

        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("feeds", problem.Field);
        Assert.Equal("t1", problem.TankId);
        Assert.Contains("cycle: t1 → t2 → t3 → t1", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_outlet_of_250_mm_is_read_and_one_at_the_full_height_of_3000_mm_is_refused_naming_outletMm()
    {
        Assert.Equal(250, TankWith(tank => tank["outletMm"] = 250).OutletMm);
        Assert.Equal(0, TankWith(_ => { }).OutletMm);

        var problem = ProblemWithTank(tank => tank["outletMm"] = 3000);
        Assert.Equal("outletMm", problem.Field);
        Assert.Equal("outletMm", ProblemWithTank(tank => tank["outletMm"] = -1).Field);
    }

    [Fact]
    public void A_population_history_of_6000_from_2026_11_20_is_read_and_gives_4500_before_and_6000_from_that_date()
    {
        var camp = CampWith(c => c["populationHistory"] = Json("""[{ "from": "2026-11-20", "population": 6000 }]"""));

        Assert.Equal(4500, camp.PopulationOn(new DateOnly(2026, 11, 19)));
        Assert.Equal(6000, camp.PopulationOn(new DateOnly(2026, 11, 20)));
        Assert.Equal(new DateOnly(2026, 11, 20), camp.PopulationSince(new DateOnly(2026, 12, 1)));
        Assert.Equal("""[{"from":"2026-11-20","population":6000}]""", RegistryWriter.ToJson(camp)["populationHistory"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""[{ "from": "20 Nov", "population": 6000 }]""", "populationHistory[0].from")]
    [InlineData("""[{ "from": "2026-11-20", "population": -5 }]""", "populationHistory[0].population")]
    [InlineData("""[{ "from": "2026-11-20", "population": 6000 }, { "from": "2026-11-01", "population": 5000 }]""", "populationHistory[1].from")]
    [InlineData("""[{ "population": 6000 }]""", "populationHistory[0].from")]
    public void A_population_history_with_a_bad_date_count_or_order_is_refused_naming_the_field(string history, string field)
    {
        var problem = ProblemWithCamp(c => c["populationHistory"] = Json(history));

        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public void A_camp_with_no_population_history_keeps_the_stored_form_it_had()
    {
        var camp = CampWith(_ => { });

        Assert.True(camp.PopulationHistory.IsDefault);
        Assert.Null(RegistryWriter.ToJson(camp)["populationHistory"]);
        Assert.DoesNotContain("PopulationHistory", System.Text.Json.JsonSerializer.Serialize(camp), StringComparison.Ordinal);
        Assert.DoesNotContain("Feeds", System.Text.Json.JsonSerializer.Serialize(camp), StringComparison.Ordinal);
        Assert.DoesNotContain("OutletMm", System.Text.Json.JsonSerializer.Serialize(camp), StringComparison.Ordinal);
    }
}
