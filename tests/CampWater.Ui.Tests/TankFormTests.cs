using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>
/// The tank form never loses a value: an empty or unreadable threshold is refused under its field and
/// nothing is sent; a rule between two thresholds is said under the one the person changed.
/// Tanks "form" and "cross" keep the default thresholds (low 25 %, critical 10 %, overflow 98 %).
/// </summary>
[Collection(UiCollection.Name)]
public sealed class TankFormTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ILocator RowOf(IPage page, ILocator input) => page.Locator(".form-row").Filter(new() { Has = input });

    private async Task<(IPage Page, List<string> Writes)> OpenTankAsync(IBrowserContext context, string tankId)
    {
        var page = await context.NewPageAsync();
        var writes = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method is "PUT" or "POST" && request.Url.Contains("/api/", StringComparison.Ordinal))
            {
                lock (writes) { writes.Add($"{request.Method} {request.Url}"); }
            }
        };
        await page.GotoAsync($"/#/camps/{UiRegistry.CampId}/tanks/{tankId}");
        await Expect(page.GetByLabel("Low below")).ToHaveValueAsync("25", new() { Timeout = 15_000 });
        return (page, writes);
    }

    private async Task<double> ServerLowPctAsync(string tankId)
    {
        using var api = host.Api(UiUsers.ViewerToken);
        var config = await api.GetFromJsonAsync<JsonElement>($"/api/camps/{UiRegistry.CampId}/tanks/{tankId}/config", Ct);
        return config.GetProperty("thresholds").GetProperty("lowPct").GetDouble();
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task Clearing_Low_below_or_typing_1e_and_saving_is_refused_under_that_field_and_the_server_keeps_25_percent(int width, int height)
    {
        await using var context = await host.SignedInContextAsync("omar", width, height);
        var (page, writes) = await OpenTankAsync(context, "form");
        var low = page.GetByLabel("Low below");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save changes" });

        await low.FillAsync("");
        await save.ClickAsync();
        var error = RowOf(page, low).Locator(".field-error");
        await Expect(error).ToHaveTextAsync("Low below is required");
        await Expect(low).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(low).ToBeFocusedAsync();
        await Expect(page.Locator(".form-saved")).ToHaveTextAsync("");
        await Expect(low).ToHaveValueAsync(""); // what the person typed stays; nothing is filled in for them

        await low.FillAsync("1e");
        await save.ClickAsync();
        await Expect(error).ToHaveTextAsync("Low below must be a number, such as 25");
        await Expect(low).ToHaveValueAsync("1e");

        Assert.Empty(writes);
        Assert.Equal(25, await ServerLowPctAsync("form"));
        Assert.Equal(1, await page.Locator(".field-error:visible").CountAsync());
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(360, 740)]
    public async Task Low_below_set_to_5_is_refused_under_Low_below_as_Low_must_be_above_Critical_10_percent_and_Critical_set_to_30_under_Critical(int width, int height)
    {
        await using var context = await host.SignedInContextAsync("omar", width, height);
        var (page, writes) = await OpenTankAsync(context, "cross");
        var low = page.GetByLabel("Low below");
        var critical = page.GetByLabel("Critical below");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Save changes" });

        await low.FillAsync("5");
        await save.ClickAsync();
        await Expect(RowOf(page, low).Locator(".field-error")).ToHaveTextAsync("Low must be above Critical (10%)");
        await Expect(RowOf(page, critical).Locator(".field-error")).ToBeHiddenAsync();
        await Expect(critical).Not.ToHaveAttributeAsync("aria-invalid", "true");

        await page.GetByRole(AriaRole.Button, new() { Name = "Undo changes" }).ClickAsync();
        await Expect(low).ToHaveValueAsync("25");
        await critical.FillAsync("30");
        await save.ClickAsync();
        await Expect(RowOf(page, critical).Locator(".field-error")).ToHaveTextAsync("Critical must be below Low (25%)");
        await Expect(RowOf(page, low).Locator(".field-error")).ToBeHiddenAsync();

        Assert.Empty(writes);
        Assert.Equal(25, await ServerLowPctAsync("cross"));
    }

    [Theory]
    [InlineData("/#/camps/ui/tanks/form", new[] { "People served=", "Diameter", "Height", "Sensor height above floor", "Sensor blind zone", "Low below", "Critical below", "Overflow above", "Offline after", "Rapid drop faster than", "Night draw above" })]
    [InlineData("/#/camps/ui-north", new[] { "Population", "Target" })]
    public async Task Every_number_of_the_tank_and_camp_forms_cleared_is_refused_by_its_name_and_nothing_is_sent(string path, string[] labels)
    {
        await using var context = await host.SignedInContextAsync("omar");
        var page = await context.NewPageAsync();
        var writes = 0;
        page.Request += (_, request) => writes += request.Method is "PUT" && request.Url.Contains("/api/", StringComparison.Ordinal) ? 1 : 0;
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save changes" })).ToBeVisibleAsync(new() { Timeout = 15_000 });

        foreach (var entry in labels)
        {
            // "People served=" may be left empty: it means an even share of the camp, as its hint says; a typo is refused.
            var optional = entry.EndsWith('=');
            var label = entry.TrimEnd('=');
            var input = page.GetByLabel(label, new() { Exact = true });
            await Expect(input).ToBeEditableAsync();
            var kept = await input.InputValueAsync();
            var error = RowOf(page, input).Locator(".field-error");
            if (!optional)
            {
                await input.FillAsync("");
                await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
                await Expect(error).ToHaveTextAsync($"{label} is required");
            }

            await input.FillAsync("12,5,0");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Expect(error).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{System.Text.RegularExpressions.Regex.Escape(label)} must be a (whole )?number"));
            await input.FillAsync(kept);
        }

        Assert.Equal(0, writes);
    }

    [Fact]
    public async Task An_engineer_sets_the_population_of_Azraq_North_from_1200_to_1250_its_tanks_stay_and_the_change_shows_under_recent_changes()
    {
        using var api = host.Api(UiUsers.ViewerToken);
        var tanks = (await api.GetFromJsonAsync<JsonElement>("/api/camps/ui-north/config", Ct)).GetProperty("tanks").GetArrayLength();
        Assert.True(tanks >= 3, $"Azraq North has its tanks ({tanks})");
        await using var context = await host.SignedInContextAsync("omar");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/camps/ui-north");
        var population = page.GetByLabel("Population", new() { Exact = true });
        await Expect(population).ToHaveValueAsync("1200", new() { Timeout = 15_000 });

        await population.FillAsync("1250");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.Locator(".form-saved")).ToHaveTextAsync("Saved.", new() { Timeout = 5_000 });

        // The registry form keeps the population before any dated change; the new figure is dated today.
        var config = await api.GetFromJsonAsync<JsonElement>("/api/camps/ui-north/config", Ct);
        Assert.Equal(1250, (await api.GetFromJsonAsync<JsonElement>("/api/camps/ui-north", Ct)).GetProperty("population").GetInt32());
        Assert.Equal(1250, (await api.GetFromJsonAsync<JsonElement[]>("/api/camps/ui-north/population", Ct))![^1].GetProperty("population").GetInt32());
        Assert.Equal(tanks, config.GetProperty("tanks").GetArrayLength()); // a camp saved without its tanks keeps them
        var change = page.Locator(".change").First;
        await Expect(change).ToContainTextAsync("omar", new() { Timeout = 5_000 });
        await Expect(change).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Population: 1,200 → 1,250 people from (\\d{1,2} [A-Z][a-z]{2}|[A-Z][a-z]{2} \\d{1,2})"));
        await Expect(page.Locator(".page-head")).ToContainTextAsync("1,250 people");
    }
}
