using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// The tank page shows the engineer what the level filter did: the readings as read, faint; the estimate the
/// ledger and alerts use, on top; and a false echo marked and left out of both.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class LevelChartTests(UiHostFixture host)
{
    private const double HeightMm = 3000; // the UI registry's tanks: 3,000 mm high, sensor mounted at 3,300
    private const int Readings_ = 30;
    private const int EchoAt = 15;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// A steady tank at 50 % read every 2 minutes for an hour with noise of σ 4 mm (within the sensor's stated
    /// ±(10 mm + 0.3 %)), and one false echo at 20 % halfway.
    /// </summary>
    private async Task<DateTimeOffset> FeedAsync()
    {
        var random = new Random(20261203);
        var start = DateTimeOffset.UtcNow.AddMinutes(-2 * Readings_).AddSeconds(-30);
        await using var sensor = await host.ConnectSensorAsync();
        DateTimeOffset echoTs = default;
        for (var i = 0; i < Readings_; i++)
        {
            var ts = start.AddMinutes(2 * i);
            double pct;
            if (i == EchoAt)
            {
                pct = 20;
                echoTs = ts;
            }
            else
            {
                var noiseMm = 4 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
                pct = Math.Round(50 + noiseMm / HeightMm * 100, 3);
            }

            await sensor.PublishStringAsync(Readings.Topic(UiRegistry.EchoTankId, "ui-north"), Readings.Level(ts, pct), cancellationToken: Ct);
        }

        return echoTs;
    }

    [Fact]
    public async Task A_false_echo_of_20_percent_among_30_noisy_readings_at_50_percent_is_one_red_cross_and_the_estimate_stays_within_10_mm_of_1500()
    {
        var echoTs = await FeedAsync();
        using var api = host.Api(UiUsers.ViewerToken);
        var levels = await Eventually.ValueAsync(
            async () => (await api.GetFromJsonAsync<JsonElement[]>($"/api/camps/ui-north/tanks/{UiRegistry.EchoTankId}/levels", host.Json, Ct))!,
            l => l.Length == Readings_, TimeSpan.FromSeconds(15), "30 level points");

        var wild = Assert.Single(levels, p => p.GetProperty("wild").GetBoolean());
        Assert.Equal(echoTs.ToUnixTimeSeconds(), wild.GetProperty("ts").GetDateTimeOffset().ToUnixTimeSeconds());
        foreach (var point in levels.Skip(3).Where(p => !p.GetProperty("wild").GetBoolean()))
        {
            Assert.InRange(point.GetProperty("estimateMm").GetDouble(), 1490, 1510);
        }

        await using var context = await host.SignedInContextAsync("omar");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/ui-north/tanks/{UiRegistry.EchoTankId}");
        var chart = page.Locator(".tank-page-chart");
        await Expect(chart.Locator(".chart-wild")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(chart.Locator(".chart-raw")).ToHaveCountAsync(1);
        await Expect(chart.Locator(".chart-line")).ToHaveCountAsync(1);
        await Expect(chart.Locator(".chart-legend-wild")).ToHaveTextAsync("1 false echo left out");
        await Expect(chart.Locator("figcaption")).ToContainTextAsync("30 readings. 1 reading was a false echo, left out.");

        // The faint line joins the 29 readings as read; the estimate is smoother than the readings it follows.
        var raw = await chart.Locator(".chart-raw").GetAttributeAsync("d");
        var estimate = await chart.Locator(".chart-line").GetAttributeAsync("d");
        Assert.Equal(Readings_ - 1, raw!.Count(c => c is 'M' or 'L'));
        Assert.True(Spread(estimate!) < Spread(raw!), $"the estimate spans {Spread(estimate!):0.0} px, the readings {Spread(raw!):0.0} px");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "level-chart-false-echo-1280.png") });

        // On a phone the chart keeps the cross and the legend shortens its count to the mark.
        await page.SetViewportSizeAsync(360, 740);
        await Expect(chart.Locator(".chart-legend-wild")).ToHaveTextAsync("✕ 1");
        await Expect(chart.Locator(".chart-wild")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "level-chart-false-echo-360.png") });
    }

    /// <summary>The height in pixels between the highest and lowest point of an SVG path of M and L commands, past its first 3 points.</summary>
    private static double Spread(string d)
    {
        var ys = d.Split(['M', 'L'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture))
            .Skip(3).ToArray();
        return ys.Max() - ys.Min();
    }
}
