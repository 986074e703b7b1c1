using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>The reason the server refuses a field entry shows under the field in the page's language, with the server's figures.</summary>
[Collection(UiCollection.Name)]
public sealed class FieldReasonLanguageTests(UiHostFixture host)
{
    [Theory]
    [InlineData("ar", "يجب أن يكون بين 0 و10 ملغ/لتر")]
    [InlineData("fr", "doit être entre 0 et 10 mg/L")]
    public async Task A_free_chlorine_of_11_mg_per_litre_is_refused_under_its_field_in_the_pages_language_naming_0_and_10(string language, string reason)
    {
        await using var context = await ContextAsync(language);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{UiRegistry.ServicesCampId}/field");
        var form = page.Locator("form[data-form=\"quality\"]");
        await Expect(form).ToBeVisibleAsync(new() { Timeout = 15_000 });

        await form.Locator("select[name=place]").SelectOptionAsync(new SelectOptionValue { Label = "Tank w1" });
        var frc = form.Locator("input[name=frcMgL]");
        await frc.FillAsync("11");
        await form.Locator("button[type=submit]").ClickAsync();

        await Expect(frc).ToHaveAttributeAsync("aria-invalid", "true", new() { Timeout = 10_000 });
        await Expect(form.Locator(".field-error:visible")).ToHaveTextAsync(reason);
        await page.ScreenshotAsync(new() { Path = Path.Combine(LanguagePageTests.ShotsDirectory, $"{language}-field-reason-360.png"), FullPage = true });
    }

    [Fact]
    public async Task A_water_test_of_11_mg_per_litre_saved_offline_in_Arabic_is_shown_refused_with_the_reason_in_Arabic_once_sent()
    {
        await using var context = await ContextAsync("ar");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/#/camps/{UiRegistry.CampId}/field");
        var form = page.Locator("form[data-form=\"quality\"]");
        await Expect(form).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-offline-ready", "true", new() { Timeout = 15_000 });

        await context.SetOfflineAsync(true);
        await form.Locator("select[name=place]").SelectOptionAsync(new SelectOptionValue { Label = "Tank lang-card" });
        await form.Locator("input[name=frcMgL]").FillAsync("11");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#outbox")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await context.SetOfflineAsync(false);
        await Expect(page.Locator("#outbox .outbox-refused")).ToContainTextAsync("يجب أن يكون بين 0 و10 ملغ/لتر", new() { Timeout = 40_000 });
        await Expect(page.Locator("#outbox .outbox-refused")).Not.ToContainTextAsync("must be");
    }

    private async Task<IBrowserContext> ContextAsync(string language)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            BaseURL = host.BaseUrl,
            Locale = language,
            TimezoneId = "Asia/Amman",
        });
        var cookie = await host.SignInCookieAsync("fatima");
        await context.AddCookiesAsync([new Cookie { Name = "campwater.auth", Value = cookie, Url = host.BaseUrl, HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
        return context;
    }
}
