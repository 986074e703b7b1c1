using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampWater.Ui;

/// <summary>Who moved a threshold: GET /api/camps/{camp}/changes, newest first.</summary>
[Collection(UiCollection.Name)]
public sealed class ChangeLogApiTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Low_below_moved_from_25_to_33_by_the_ops_console_token_is_the_newest_change_of_tank_n3_with_who_and_from_and_to()
    {
        using var engineer = host.Api(UiUsers.EngineerToken);
        var config = (await engineer.GetFromJsonAsync<JsonObject>("/api/camps/ui-north/tanks/n3/config", Ct))!;
        Assert.Equal(25, config["thresholds"]!["lowPct"]!.GetValue<double>());
        config["thresholds"]!["lowPct"] = 33;
        var before = DateTimeOffset.UtcNow;

        (await engineer.PutAsync("/api/camps/ui-north/tanks/n3", new StringContent(config.ToJsonString(), Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();

        using var viewer = host.Api(UiUsers.ViewerToken);
        var changes = (await viewer.GetFromJsonAsync<JsonElement[]>("/api/camps/ui-north/changes", Ct))!;
        var newest = changes[0];
        Assert.Equal("ops-console", newest.GetProperty("by").GetString());
        Assert.Equal("n3", newest.GetProperty("tankId").GetString());
        Assert.Equal("changed", newest.GetProperty("kind").GetString());
        Assert.InRange(newest.GetProperty("at").GetDateTimeOffset(), before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        var field = Assert.Single(newest.GetProperty("fields").EnumerateArray());
        Assert.Equal("thresholds.lowPct", field.GetProperty("field").GetString());
        Assert.Equal(25, field.GetProperty("from").GetDouble());
        Assert.Equal(33, field.GetProperty("to").GetDouble());

        // Newest first, and the registry file's creation of the camp further down.
        var times = changes.Select(c => c.GetProperty("at").GetDateTimeOffset()).ToArray();
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Contains(changes, c => c.GetProperty("by").GetString() == "registry file" && c.GetProperty("kind").GetString() == "created");
        var onlyN3 = (await viewer.GetFromJsonAsync<JsonElement[]>("/api/camps/ui-north/changes?tankId=n3&limit=1", Ct))!;
        Assert.Equal(newest.GetProperty("at").GetDateTimeOffset(), Assert.Single(onlyN3).GetProperty("at").GetDateTimeOffset());
    }
}
