using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CampWater.Ui;

/// <summary>The note an assignment leaves on an alert card reads in the page's language; what a person typed stays as typed.</summary>
[Collection(UiCollection.Name)]
public sealed class CommentLanguageTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("ar", "أُسند إلى Amina Yousef")]
    [InlineData("fr", "Attribuée à Amina Yousef")]
    public async Task The_card_of_an_alert_assigned_to_Amina_Yousef_shows_the_note_in_the_pages_language_and_the_typed_comment_as_typed(string language, string note)
    {
        using (var field = host.Api(UiUsers.FieldToken))
        {
            var alerts = await field.GetFromJsonAsync<JsonElement[]>($"/api/alerts?campId={UiRegistry.CampId}", Ct);
            if (!alerts!.Any(a => a.GetProperty("tankId").GetString() == "lang-card"))
            {
                await PostAsync(field, $"/api/camps/{UiRegistry.CampId}/quality", """{ "tankId": "lang-card", "frcMgL": 3.1 }""");
                var id = (await Eventually.ValueAsync(() => field.GetFromJsonAsync<JsonElement[]>($"/api/alerts?campId={UiRegistry.CampId}", Ct),
                    l => l!.Any(a => a.GetProperty("tankId").GetString() == "lang-card"), TimeSpan.FromSeconds(15), "quality-frc-high on lang-card"))!
                    .First(a => a.GetProperty("tankId").GetString() == "lang-card").GetProperty("id").GetString();
                await PostAsync(field, $"/api/alerts/{id}/assign", """{ "assignee": "Amina Yousef" }""");
                await PostAsync(field, $"/api/alerts/{id}/comments", """{ "text": "Dosing pump checked" }""");
            }
        }

        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Locale = language, TimezoneId = "Asia/Amman" });
        var cookie = await host.SignInCookieAsync("ahmed");
        await context.AddCookiesAsync([new Cookie { Name = "campwater.auth", Value = cookie, Url = host.BaseUrl, HttpOnly = true, SameSite = SameSiteAttribute.Strict }]);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/#/alerts");

        var comments = page.Locator(".alert-card[data-kind='quality-frc-high']").Filter(new() { HasText = "Tank lang-card" }).Locator(".alert-comments li");
        await Expect(comments).ToHaveCountAsync(2, new() { Timeout = 15_000 });
        await Expect(comments.Nth(0)).ToContainTextAsync(note);
        await Expect(comments.Nth(0)).Not.ToContainTextAsync("Assigned to");
        await Expect(comments.Nth(1)).ToContainTextAsync("Dosing pump checked");
    }

    private static async Task PostAsync(HttpClient api, string path, string json) =>
        (await api.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();
}
