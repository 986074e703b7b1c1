using System.Net.Http.Json;
using CampWater.Alerts;
using CampWater.Services;
using CampWater.Status;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>Field staff's forms on a 360 px phone, signed in as a field worker: a water test, a tap count, sanitation counts.</summary>
[Collection(UiCollection.Name)]
public sealed class FieldFormTests(UiHostFixture host)
{
    private const string Camp = UiRegistry.ServicesCampId;
    private const int Thumb = 44; // px: the smallest target a thumb hits reliably

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> GetAsync<T>(string path)
    {
        using var api = host.Api(UiUsers.ViewerToken);
        return (await api.GetFromJsonAsync<T>(path, host.Json, Ct))!;
    }

    private static async Task AssertFitsAsync(IPage page, string what)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{what}: the page is {overflow} px wider than the 360 px screen");
    }

    private static async Task AssertThumbSizedAsync(ILocator control, string what)
    {
        var box = (await control.BoundingBoxAsync())!;
        Assert.True(box.Height >= Thumb && box.Width >= Thumb, $"{what} is {box.Width:0}×{box.Height:0} px");
    }

    [Fact]
    public async Task On_a_360_px_phone_a_field_worker_records_a_water_test_of_0_1_mg_per_litre_and_an_alert_is_raised()
    {
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var watch = new PageWatch(context, host.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{Camp}/field");
        var form = page.Locator("form[data-form=\"quality\"]");
        await Expect(form).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await AssertFitsAsync(page, "the water test form");

        await form.GetByLabel("Where was the water taken?").SelectOptionAsync(new SelectOptionValue { Label = "Tank w1" });
        await form.GetByLabel("Free chlorine", new() { Exact = true }).FillAsync("11");
        var save = form.GetByRole(AriaRole.Button, new() { Name = "Save test" });
        await AssertThumbSizedAsync(save, "Save test");
        await AssertThumbSizedAsync(form.GetByRole(AriaRole.Button, new() { Name = "more Free chlorine" }), "the + of free chlorine");
        await save.ClickAsync();

        // Refused by the server, the reason shows under the field it is about.
        var frc = form.GetByLabel("Free chlorine", new() { Exact = true });
        await Expect(frc).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.Locator(".field-error:visible")).ToHaveTextAsync("must be between 0 and 10 mg/L");

        await frc.FillAsync("0.1");
        await form.GetByLabel("pH", new() { Exact = true }).FillAsync("7.2");
        await save.ClickAsync();

        await Expect(form.Locator(".form-saved")).ToHaveTextAsync("Saved. Out of range: chlorine low. An alert is raised.");
        var alerts = await GetAsync<Alert[]>($"/api/alerts?campId={Camp}");
        var alert = Assert.Single(alerts, a => a.Kind == AlertKind.QualityFrcLow && a.TankId == "w1");
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        var test = (await GetAsync<QualityTest[]>($"/api/camps/{Camp}/quality")).First(t => t.TankId == "w1");
        Assert.Equal(("fatima", 0.1, 7.2), (test.By, test.FrcMgL!.Value, test.Ph!.Value));
        await page.ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotDirectory, "field-quality-360.png"), FullPage = true });
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task On_a_360_px_phone_three_taps_off_with_the_minus_button_record_3_of_6_and_the_sanitation_counts_are_saved()
    {
        await using var context = await host.SignedInContextAsync("fatima", 360, 740);
        var watch = new PageWatch(context, host.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{Camp}/field/taps/point/p1");
        var form = page.Locator("form[data-form=\"taps\"]");
        await Expect(form).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var usable = form.GetByLabel("Taps that work", new() { Exact = true });
        await Expect(usable).ToHaveValueAsync("6");
        await Expect(form.Locator(".form-unit")).ToHaveTextAsync("of 6 taps");
        var minus = form.GetByRole(AriaRole.Button, new() { Name = "less Taps that work" });
        await AssertThumbSizedAsync(minus, "the − of taps");

        for (var i = 0; i < 3; i++)
        {
            await minus.ClickAsync();
        }

        await Expect(usable).ToHaveValueAsync("3");
        await form.GetByLabel("Note (optional)").FillAsync("three broken");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save tap count" }).ClickAsync();
        await Expect(form.Locator(".form-saved")).ToHaveTextAsync("Saved: 3 of 6 taps work at Tap stand 1.");
        await AssertFitsAsync(page, "the tap count form");
        var points = await GetAsync<WaterPoint[]>($"/api/camps/{Camp}/points");
        Assert.Equal((3, "fatima", "three broken"), (points.Single().UsableTaps, points.Single().StatusBy, points.Single().StatusNote));
        Assert.Equal(400, (await GetAsync<CampSummary>($"/api/camps/{Camp}")).PeoplePerUsableTap);

        await page.GetByRole(AriaRole.Button, new() { Name = "Latrines" }).ClickAsync();
        var sanitation = page.Locator("form[data-form=\"sanitation\"]");
        await sanitation.GetByLabel("Latrines", new() { Exact = true }).FillAsync("30");
        await sanitation.GetByLabel("Usable latrines", new() { Exact = true }).FillAsync("24");
        await sanitation.GetByLabel("Showers", new() { Exact = true }).FillAsync("12");
        await sanitation.GetByLabel("Usable showers", new() { Exact = true }).FillAsync("13");
        await sanitation.GetByRole(AriaRole.Button, new() { Name = "Save counts" }).ClickAsync();
        await Expect(sanitation.Locator(".field-error:visible")).ToHaveTextAsync("must not be more than showers (12)");

        await sanitation.GetByLabel("Usable showers", new() { Exact = true }).FillAsync("10");
        await sanitation.GetByRole(AriaRole.Button, new() { Name = "Save counts" }).ClickAsync();
        await Expect(sanitation.Locator(".form-saved")).ToHaveTextAsync("Saved.");
        var counted = await GetAsync<Sanitation>($"/api/camps/{Camp}/sanitation");
        Assert.Equal((30, 24, 12, 10, "fatima"), (counted.Latrines, counted.UsableLatrines, counted.Showers, counted.UsableShowers, counted.By));
        await AssertFitsAsync(page, "the sanitation form");
        await page.ScreenshotAsync(new() { Path = Path.Combine(host.ScreenshotDirectory, "field-sanitation-360.png"), FullPage = true });
        Assert.Empty(watch.Errors);
    }

    [Fact]
    public async Task A_viewer_sees_the_forms_but_cannot_send_them()
    {
        await using var context = await host.SignedInContextAsync("vera", 360, 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{Camp}/field");

        await Expect(page.Locator("main")).ToContainTextAsync("Your role can read these figures but not record them.", new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save test" })).ToBeDisabledAsync();
    }
}
