using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>A manager's coverage table on a phone: every column within reach, the date kept in view, "no data" where there is none.</summary>
[Collection(UiCollection.Name)]
public sealed class CoveragePageTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_360_px_each_of_the_7_columns_of_the_coverage_table_comes_into_view_beside_the_date_and_empty_days_say_no_data()
    {
        await CoverageDays.FeedAsync(host, Ct);
        await using var context = await host.SignedInContextAsync("grace", 360, 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/coverage/{UiRegistry.CoverageCampId}");
        var headers = page.Locator(".table thead th");
        await Expect(headers).ToHaveCountAsync(7, new() { Timeout = 15_000 });
        await Expect(page.Locator(".table tbody tr")).ToHaveCountAsync(30, new() { Timeout = 15_000 });

        string[] names = ["Date", "Per person", "Target", "Drawn", "Delivered", "People", "Data"];
        for (var i = 0; i < names.Length; i++)
        {
            var header = headers.Nth(i);
            await Expect(header).ToHaveTextAsync(names[i]);
            await header.ScrollIntoViewIfNeededAsync();
            var box = (await header.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 360.5, $"the {names[i]} column lies within the 360 px screen ({box.X:0}–{box.X + box.Width:0} px)");
            var date = (await headers.First.BoundingBoxAsync())!;
            Assert.True(date.X >= 0 && date.X + date.Width <= 360.5 && date.X + date.Width <= box.X + 0.5 || i == 0,
                $"the date column stays in view, left of {names[i]} ({date.X:0}–{date.X + date.Width:0} px)");
        }

        await Expect(page.Locator(".table tbody tr[data-verdict='none']").First).ToContainTextAsync("no data");
        await Expect(page.Locator(".table tbody tr[data-verdict='partial']").First).ToContainTextAsync("too few readings");
        Assert.Equal(0, await page.Locator(".table tbody tr[data-verdict='none'] td", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^0 (l/p/d|L)$") }).CountAsync());
    }
}
