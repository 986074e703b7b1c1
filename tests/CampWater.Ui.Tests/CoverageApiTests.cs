using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CampWater.Ui;

/// <summary>No population, no verdict; no readings, no figure: in the API and the CSV. Days as in <see cref="CoverageDays"/>.</summary>
[Collection(UiCollection.Name)]
public sealed class CoverageApiTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Range => $"from={CoverageDays.Empty:yyyy-MM-dd}&to={CoverageDays.Partial:yyyy-MM-dd}";

    [Fact]
    public async Task A_day_with_no_readings_has_lpd_null_a_day_2_hours_covered_has_met_null_and_a_full_day_of_2_8_lpd_is_not_met()
    {
        await CoverageDays.FeedAsync(host, Ct);
        using var api = host.Api(UiUsers.ViewerToken);

        var days = await api.GetFromJsonAsync<JsonElement[]>($"/api/camps/{UiRegistry.CoverageCampId}/coverage?{Range}", Ct);

        Assert.Equal(3, days!.Length);
        var (empty, full, partial) = (days[0], days[1], days[2]);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("lpd").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("met").ValueKind);
        Assert.Equal(0, empty.GetProperty("completeness").GetDouble());

        Assert.InRange(full.GetProperty("completeness").GetDouble(), 0.9, 1.0);
        Assert.InRange(full.GetProperty("lpd").GetDouble(), 2.5, 3.1); // 30 % of 9,424.8 L for 1,000 people = 2.83
        Assert.False(full.GetProperty("met").GetBoolean());

        Assert.InRange(partial.GetProperty("completeness").GetDouble(), 0.08, 0.09); // 2 h of 24
        Assert.Equal(JsonValueKind.Number, partial.GetProperty("lpd").ValueKind);
        Assert.Equal(JsonValueKind.Null, partial.GetProperty("met").ValueKind);
    }

    [Fact]
    public async Task The_csv_leaves_lpd_and_met_empty_for_the_day_with_no_readings_and_met_empty_for_the_day_too_few_readings_cover()
    {
        await CoverageDays.FeedAsync(host, Ct);
        using var manager = host.Api(UiUsers.ManagerToken);

        var response = await manager.GetAsync($"/api/camps/{UiRegistry.CoverageCampId}/coverage.csv?{Range}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).TrimEnd('\n').Split('\n');

        Assert.Equal("date,population,drawnL,deliveredL,lpd,targetLpd,met,completeness,estimatedL", lines[0]);
        Assert.Equal(4, lines.Length);
        var empty = lines[1].Split(',');
        Assert.Equal([CoverageDays.Empty.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "1000", "0", "0", "", "20", "", "0", "0"], empty);
        var full = lines[2].Split(',');
        Assert.Equal("false", full[6]);
        Assert.NotEqual("", full[4]);
        var partial = lines[3].Split(',');
        Assert.NotEqual("", partial[4]);
        Assert.Equal("", partial[6]);
    }
}
