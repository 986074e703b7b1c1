using System.Text.Json.Nodes;
using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class ApiBodyTests
{
    private static JsonObject CampBody() => Camp(Example());

    private static JsonObject TankBody() => Tank(Example());

    [Fact]
    public void Camp_body_without_id_takes_the_id_atmeh_3_of_the_path()
    {
        var body = CampBody();
        body.Remove("id");

        var result = RegistryReader.ReadCamp("atmeh-3", Element(body));

        Assert.True(result.IsValid);
        Assert.Equal("atmeh-3", result.Value!.Id);
        Assert.Equal("t1", result.Value.Tanks.Single().Id);
    }

    [Fact]
    public void Camp_body_with_the_same_id_as_the_path_is_accepted()
    {
        Assert.True(RegistryReader.ReadCamp("atmeh-3", Element(CampBody())).IsValid);
    }

    [Fact]
    public void Camp_body_with_id_atmeh_4_under_path_atmeh_3_is_rejected()
    {
        var body = CampBody();
        body["id"] = "atmeh-4";

        var result = RegistryReader.ReadCamp("atmeh-3", Element(body));

        Assert.Null(result.Value);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("camp 'atmeh-3', field 'id': must be the camp id of the path, 'atmeh-3'", problem.Message);
        Assert.Equal("id", problem.Path);
    }

    [Fact]
    public void Camp_path_id_Atmeh_3_that_breaks_the_id_rule_is_rejected()
    {
        var body = CampBody();
        body.Remove("id");

        var problem = Assert.Single(RegistryReader.ReadCamp("Atmeh 3", Element(body)).Problems);

        Assert.Equal("camp 'Atmeh 3', field 'id': must be 1 to 64 characters of a-z, 0-9, '-' or '_'", problem.Message);
    }

    [Fact]
    public void Camp_body_without_tanks_reads_as_0_tanks()
    {
        var body = CampBody();
        body.Remove("tanks");

        var camp = RegistryReader.ReadCamp("atmeh-3", Element(body)).Value!;

        Assert.True(camp.Tanks.IsEmpty);
    }

    [Fact]
    public void Camp_body_problem_in_a_tank_has_the_path_tanks_0_diameterMm()
    {
        var body = CampBody();
        body["tanks"]![0]!["diameterMm"] = 0;

        var problem = Assert.Single(RegistryReader.ReadCamp("atmeh-3", Element(body)).Problems);

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'diameterMm': must be greater than 0", problem.Message);
        Assert.Equal("tanks[0].diameterMm", problem.Path);
    }

    [Fact]
    public void Camp_body_that_is_not_an_object_is_rejected_on_the_document()
    {
        var problem = Assert.Single(RegistryReader.ReadCamp("atmeh-3", Element("[]")).Problems);

        Assert.Equal("camp 'atmeh-3', field '(document)': must be an object", problem.Message);
    }

    [Fact]
    public void Tank_body_without_id_takes_the_id_t1_of_the_path()
    {
        var body = TankBody();
        body.Remove("id");

        var result = RegistryReader.ReadTank("t1", Element(body));

        Assert.True(result.IsValid);
        Assert.Equal("t1", result.Value!.Id);
        Assert.Equal(3000, result.Value.DiameterMm);
    }

    [Fact]
    public void Tank_body_with_id_t2_under_path_t1_is_rejected()
    {
        var body = TankBody();
        body["id"] = "t2";

        var problem = Assert.Single(RegistryReader.ReadTank("t1", Element(body)).Problems);

        Assert.Equal("tank 't1', field 'id': must be the tank id of the path, 't1'", problem.Message);
        Assert.Null(problem.CampId);
    }

    [Fact]
    public void Tank_body_problem_in_thresholds_has_the_path_thresholds_lowPct()
    {
        var body = TankBody();
        body["thresholds"]!["lowPct"] = "low";

        var problem = Assert.Single(RegistryReader.ReadTank("t1", Element(body)).Problems);

        Assert.Equal("thresholds.lowPct", problem.Field);
        Assert.Equal("thresholds.lowPct", problem.Path);
        Assert.Equal("tank 't1', field 'thresholds.lowPct': must be a number", problem.Message);
    }

    [Fact]
    public void Tank_body_problem_in_a_dimension_has_the_path_diameterMm()
    {
        var body = TankBody();
        body["diameterMm"] = 0;

        var problem = Assert.Single(RegistryReader.ReadTank("t1", Element(body)).Problems);

        Assert.Equal("diameterMm", problem.Path);
    }

    [Fact]
    public void Tank_body_with_4_mistakes_lists_all_4()
    {
        var body = TankBody();
        body["name"] = "";
        body["diameterMm"] = -1;
        body["sensor"]!["devEui"] = "xyz";
        body["thresholds"]!["nightDrawPct"] = 0;

        var result = RegistryReader.ReadTank("t1", Element(body));

        Assert.Null(result.Value);
        Assert.Equal(["name", "diameterMm", "sensor.devEui", "thresholds.nightDrawPct"], result.Problems.Select(p => p.Field).ToArray());
    }
}
