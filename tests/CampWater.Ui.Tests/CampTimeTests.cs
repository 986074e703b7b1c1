using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// Times follow the camp, not the browser: a camp in Asia/Damascus (UTC+3) read from a browser in
/// America/New_York (UTC−5 in winter, 8 hours behind), in 24-hour form.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class CampTimeTests(UiHostFixture host)
{
    private static readonly TimeZoneInfo s_damascus = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");
    private static readonly TimeZoneInfo s_newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Clock(DateTimeOffset t, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(t, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task A_reading_and_a_change_on_a_camp_in_Damascus_read_in_Damascus_time_from_a_browser_in_New_York(int width, int height)
    {
        var now = DateTimeOffset.UtcNow;
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 37, 0, TimeSpan.Zero).AddHours(-3);
        await using (var sensor = await host.ConnectSensorAsync())
        {
            await sensor.PublishStringAsync(Readings.Topic("clock", UiRegistry.DamascusCampId), Readings.Level(at, 55), cancellationToken: Ct);
        }

        using var engineer = host.Api(UiUsers.EngineerToken);
        var config = (await engineer.GetFromJsonAsync<JsonObject>($"/api/camps/{UiRegistry.DamascusCampId}/tanks/clock/config", Ct))!;
        config["thresholds"]!["nightDrawPct"] = width == 360 ? 6 : 7; // a change on every run
        (await engineer.PutAsync($"/api/camps/{UiRegistry.DamascusCampId}/tanks/clock", new StringContent(config.ToJsonString(), Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
        var changes = await engineer.GetFromJsonAsync<JsonElement[]>($"/api/camps/{UiRegistry.DamascusCampId}/changes?tankId=clock&limit=1", Ct);
        var changedAt = changes![0].GetProperty("at").GetDateTimeOffset();

        await using var context = await host.SignedInContextAsync("vera", width, height, "America/New_York");
        var page = await context.NewPageAsync();
        Assert.Equal(-300, await page.EvaluateAsync<int>("() => -new Date('2026-01-15T12:00:00Z').getTimezoneOffset()")); // the browser is in New York
        await page.GotoAsync($"/#/camps/{UiRegistry.DamascusCampId}/tanks/clock");

        await Expect(page.Locator(".page-head")).ToContainTextAsync("times in Asia/Damascus", new() { Timeout = 15_000 });
        var lastReading = page.Locator(".tile time.age");
        await Expect(lastReading).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex($", {Clock(at, s_damascus)}$"), new() { Timeout = 10_000 });
        Assert.DoesNotContain(Clock(at, s_newYork), await lastReading.GetAttributeAsync("title") ?? "");
        await Expect(page.Locator(".chart-svg")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"at {Clock(at, s_damascus)}"));
        await Expect(page.Locator(".tank-page-changes time").First).ToContainTextAsync(Clock(changedAt, s_damascus));
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Asia/Damascus")); // the zone is named once
    }
}
