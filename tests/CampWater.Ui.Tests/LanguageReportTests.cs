using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// The printable monthly report in Arabic and French: a manager signs it in the camp's language, so no English string
/// of the catalogue may be left on it, Arabic reads right to left while the chart's days still run left to right.
/// </summary>
public sealed partial class LanguagePageTests
{
    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("fr", "ltr")]
    public async Task The_monthly_report_of_one_camp_and_of_all_camps_read_in_the_browsers_language_has_its_direction_and_no_English_string_of_the_catalogue(string language, string dir)
    {
        await CoverageDays.FeedAsync(host, Ct);
        var english = await CatalogueAsync("en");
        var translated = await CatalogueAsync(language);
        var leftovers = EnglishSegments(english, translated);
        var data = await DataWordsAsync();
        var month = CoverageDays.Full.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        // The words of the report page are in the English catalogue, so that a word left in English is found.
        Assert.Contains("not computed", leftovers);
        Assert.Contains("Litres per person per day", leftovers);

        Directory.CreateDirectory(ShotsDirectory);
        await using var context = await ContextAsync(language, 1280, 900, signedInAs: "grace");
        var page = await context.NewPageAsync();
        var found = new List<string>();
        foreach (var (name, path) in new[] { ("report", $"/#/reports/{UiRegistry.CoverageCampId}/{month}"), ("reports", $"/#/reports/{month}") })
        {
            await page.GotoAsync(path);
            await Expect(page.Locator(".report-page[data-ready]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForTimeoutAsync(300); // the chart draws on the next frame
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(dir, await page.GetAttributeAsync("html", "dir"));
            Assert.Equal("ltr", await page.Locator(".report-sheet .chart-svg").First.EvaluateAsync<string>("el => getComputedStyle(el).direction"));
            found.AddRange(Leftovers(await PageTextAsync(page), leftovers, data).Select(s => $"{name}: “{s}”"));
            await page.ScreenshotAsync(new() { Path = Path.Combine(ShotsDirectory, $"{language}-{name}-1280.png"), FullPage = true });
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.ScreenshotAsync(new() { Path = Path.Combine(ShotsDirectory, $"{language}-{name}-print.png"), FullPage = true });
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
        }

        // The camp without taps says so in the language, not in the server's English reason.
        var taps = page.Locator($".report-sheet[data-camp='{UiRegistry.CoverageCampId}'] tr[data-key='peoplePerUsableTap']");
        await Expect(taps).ToContainTextAsync(translated["reportPage.why.noTaps"]);
        await Expect(taps).ToContainTextAsync(translated["reportPage.noFigure"]);
        Assert.True(found.Count == 0, $"English strings of the catalogue left on the report in {language}:\n{string.Join("\n", found.Distinct())}");
    }
}
