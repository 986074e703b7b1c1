using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

public sealed class DocumentTests
{
    [Fact]
    public void A_file_with_one_bad_tank_in_its_second_camp_yields_no_camps_at_all()
    {
        var file = Example();
        var second = Camp(file).DeepClone().AsObject();
        second["id"] = "atmeh-4";
        second["tanks"]![0]!["diameterMm"] = -1;
        file["camps"]!.AsArray().Add(second);

        var result = Read(file);

        Assert.Null(result.Value);
        Assert.False(result.IsValid);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("camp 'atmeh-4', tank 't1', field 'diameterMm': must be greater than 0", problem.Message);
        Assert.Equal("camps[1].tanks[0].diameterMm", problem.Path);
    }

    [Fact]
    public void A_file_with_3_mistakes_in_2_camps_lists_all_3_in_document_order()
    {
        var file = Example();
        var second = Camp(file).DeepClone().AsObject();
        second["id"] = "atmeh-4";
        second["population"] = -5;
        file["camps"]!.AsArray().Add(second);
        Camp(file)["timeZone"] = "Nowhere/Special";
        Tank(file)["thresholds"]!["lowPct"] = 5;

        var problems = Read(file).Problems;

        Assert.Equal(
            [
                "camps[0].timeZone",
                "camps[0].tanks[0].thresholds.criticalPct",
                "camps[1].population",
            ],
            problems.Select(p => p.Path).ToArray());
    }

    [Fact]
    public void Malformed_json_is_one_problem_on_the_document_naming_line_3_position_23()
    {
        var result = RegistryReader.ReadFile("{\n  \"camps\": [\n    { \"id\": \"atmeh-3\" \"name\": \"x\" }\n  ]\n}");

        Assert.Null(result.Value);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("(document)", problem.Field);
        Assert.Equal("(document)", problem.Path);
        Assert.Null(problem.CampId);
        Assert.Null(problem.TankId);
        Assert.StartsWith("is not valid JSON at line 3, position 23: ", problem.Reason);
        Assert.StartsWith("field '(document)': is not valid JSON at line 3", problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{ \"camps\": [ NaN ] }")]
    public void Text_that_is_not_JSON_is_one_problem_on_the_document(string json)
    {
        var problem = Assert.Single(RegistryReader.ReadFile(json).Problems);

        Assert.Equal("(document)", problem.Field);
        Assert.StartsWith("is not valid JSON at line 1", problem.Reason);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"camps\"")]
    public void A_document_that_is_not_an_object_is_rejected(string json)
    {
        var problem = Assert.Single(RegistryReader.ReadFile(json).Problems);

        Assert.Equal("field '(document)': must be a JSON object with a 'camps' array", problem.Message);
    }

    [Fact]
    public void A_document_without_camps_is_rejected_as_required()
    {
        Assert.Equal("field 'camps': is required", Assert.Single(RegistryReader.ReadFile("{}").Problems).Message);
    }

    [Fact]
    public void Camps_that_is_not_an_array_is_rejected()
    {
        Assert.Equal("field 'camps': must be an array", Assert.Single(RegistryReader.ReadFile("""{ "camps": {} }""").Problems).Message);
    }

    [Fact]
    public void A_camp_that_is_not_an_object_is_rejected_naming_camps_1()
    {
        var file = Example();
        file["camps"]!.AsArray().Add("atmeh-4");

        var problem = Assert.Single(Read(file).Problems);

        Assert.Equal("field 'camps[1]': must be an object", problem.Message);
    }

    [Fact]
    public void Problem_message_names_camp_tank_field_and_reason_in_that_order()
    {
        var problem = new RegistryProblem("atmeh-3", "t1", "diameterMm", "must be greater than 0", "camps[0].tanks[1].diameterMm");

        Assert.Equal("camp 'atmeh-3', tank 't1', field 'diameterMm': must be greater than 0", problem.Message);
        Assert.Equal("camps[0].tanks[1].diameterMm", problem.Path);
        Assert.Equal(problem.Message, problem.ToString());
    }

    [Fact]
    public void Problem_made_without_a_path_has_its_field_as_path()
    {
        var problem = new RegistryProblem(null, null, "thresholds.lowPct", "must be a number");

        Assert.Equal("thresholds.lowPct", problem.Path);
        Assert.Equal("field 'thresholds.lowPct': must be a number", problem.Message);
    }
}
