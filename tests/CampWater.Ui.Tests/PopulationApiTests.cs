using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CampWater.Ui;

/// <summary>A camp's population over time (PUT/GET /api/camps/{camp}/population) and the rules of its network of tanks.</summary>
[Collection(UiCollection.Name)]
public sealed class PopulationApiTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Camp(string id, int population, string tanks = "[]") => $$"""
        { "id": "{{id}}", "name": "Population {{id}}", "timeZone": "Asia/Damascus", "population": {{population}}, "tanks": {{tanks}} }
        """;

    private static string Tank(string id, string feeds = "[]") => $$"""
        { "id": "{{id}}", "name": "Tank {{id}}", "shape": "vertical-cylinder", "diameterMm": 3000, "heightMm": 3000,
          "sensor": { "mountHeightMm": 3300, "blindZoneMm": 280 }, "feeds": {{feeds}} }
        """;

    private static string Today() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus")).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_census_of_6000_dated_2026_11_20_is_listed_after_4500_and_a_camp_put_of_6200_is_recorded_from_today()
    {
        using var engineer = host.Api(UiUsers.EngineerToken);
        (await engineer.PutAsync("/api/camps/pop-census", Body(Camp("pop-census", 4500)), Ct)).EnsureSuccessStatusCode();

        var put = await engineer.PutAsync("/api/camps/pop-census/population", Body("""{ "from": "2026-11-20", "population": 6000 }"""), Ct);
        put.EnsureSuccessStatusCode();
        var list = (await put.Content.ReadFromJsonAsync<JsonElement[]>(Ct))!;
        Assert.Equal(2, list.Length);
        Assert.Equal(JsonValueKind.Null, list[0].GetProperty("from").ValueKind);
        Assert.Equal(4500, list[0].GetProperty("population").GetInt32());
        Assert.Equal("2026-11-20", list[1].GetProperty("from").GetString());
        Assert.Equal(6000, list[1].GetProperty("population").GetInt32());

        (await engineer.PutAsync("/api/camps/pop-census", Body(Camp("pop-census", 6200)), Ct)).EnsureSuccessStatusCode();

        using var viewer = host.Api(UiUsers.ViewerToken);
        var after = (await viewer.GetFromJsonAsync<JsonElement[]>("/api/camps/pop-census/population", Ct))!;
        Assert.Equal([4500, 6000, 6200], after.Select(p => p.GetProperty("population").GetInt32()));
        Assert.Equal(Today(), after[2].GetProperty("from").GetString());
        var summary = (await viewer.GetFromJsonAsync<JsonElement>("/api/camps/pop-census", Ct))!;
        Assert.Equal(6200, summary.GetProperty("population").GetInt32());
        Assert.Equal(Today(), summary.GetProperty("populationFrom").GetString());

        // Each day uses the population in force on it.
        var days = (await viewer.GetFromJsonAsync<JsonElement[]>("/api/camps/pop-census/coverage?from=2026-11-19&to=2026-11-20", Ct))!;
        Assert.Equal([4500, 6000], days.Select(d => d.GetProperty("population").GetInt32()));

        // The change log says it as people read it.
        var changes = (await viewer.GetFromJsonAsync<JsonElement[]>("/api/camps/pop-census/changes?limit=1", Ct))!;
        var field = Assert.Single(changes[0].GetProperty("fields").EnumerateArray());
        Assert.Equal("population", field.GetProperty("field").GetString());
        Assert.Equal($"Population: 6,000 → 6,200 people from {Today()}", field.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_population_put_by_a_viewer_is_403_and_one_with_population_minus_1_or_no_date_is_400_naming_the_field()
    {
        using var engineer = host.Api(UiUsers.EngineerToken);
        (await engineer.PutAsync("/api/camps/pop-rules", Body(Camp("pop-rules", 100)), Ct)).EnsureSuccessStatusCode();
        using var viewer = host.Api(UiUsers.ViewerToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutAsync("/api/camps/pop-rules/population", Body("""{ "from": "2026-11-20", "population": 10 }"""), Ct)).StatusCode);
        using var field = host.Api(UiUsers.FieldToken);
        Assert.Equal(HttpStatusCode.Forbidden, (await field.PutAsync("/api/camps/pop-rules/population", Body("""{ "from": "2026-11-20", "population": 10 }"""), Ct)).StatusCode);

        foreach (var (body, name) in new[] { ("""{ "from": "2026-11-20", "population": -1 }""", "population"), ("""{ "population": 10 }""", "from"), ("""{ "from": "20/11/2026", "population": 10 }""", "from") })
        {
            var answer = await engineer.PutAsync("/api/camps/pop-rules/population", Body(body), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct))!;
            Assert.True(problem.GetProperty("errors").TryGetProperty(name, out _), $"{body} names '{name}': {problem}");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await engineer.GetAsync("/api/camps/no-such-camp/population", Ct)).StatusCode);
    }

    [Fact]
    public async Task Feeds_naming_an_unknown_tank_the_tank_itself_or_closing_a_cycle_is_400_naming_feeds()
    {
        using var engineer = host.Api(UiUsers.EngineerToken);
        (await engineer.PutAsync("/api/camps/net-rules", Body(Camp("net-rules", 100, $"[{Tank("r", """["e"]""")}, {Tank("e")}]")), Ct)).EnsureSuccessStatusCode();

        foreach (var (tank, feeds, why) in new[] { ("e", """["nope"]""", "not a tank of this camp"), ("e", """["e"]""", "cannot feed itself"), ("e", """["r"]""", "cycle") })
        {
            var answer = await engineer.PutAsync($"/api/camps/net-rules/tanks/{tank}", Body(Tank(tank, feeds)), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = (await answer.Content.ReadFromJsonAsync<JsonElement>(Ct))!;
            var errors = problem.GetProperty("errors");
            Assert.True(errors.EnumerateObject().Any(e => e.Name.StartsWith("feeds", StringComparison.Ordinal)), $"{feeds}: {problem}");
            Assert.Contains(why, problem.ToString(), StringComparison.Ordinal);
        }

        var status = (await engineer.GetFromJsonAsync<JsonElement>("/api/camps/net-rules/tanks/r", Ct))!;
        Assert.Equal("e", Assert.Single(status.GetProperty("feeds").EnumerateArray()).GetString());
        var detail = (await engineer.GetFromJsonAsync<JsonElement>("/api/camps/net-rules", Ct))!;
        Assert.Equal(2, detail.GetProperty("network").GetArrayLength());
    }
}
