using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampWater.Ui;

/// <summary>
/// Alert messages worded from their parts: <c>Accept-Language: ar</c> (or <c>fr</c>) gives each alert's
/// <c>message</c> in that language from the <c>messageKey</c> and <c>messageArgs</c> stored with it, the figures
/// the same as in English; without the header the message stays English.
/// </summary>
[Collection(UiCollection.Name)]
public sealed partial class LanguageApiTests(UiHostFixture host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accept_Language_ar_words_low_level_overflow_sensor_fault_and_four_water_quality_alerts_in_Arabic_with_their_key_and_parts()
    {
        await using (var sensor = await host.ConnectSensorAsync())
        {
            var t0 = DateTimeOffset.UtcNow.AddMinutes(-3);
            foreach (var (tank, pct) in new[] { ("langq", 40.0), ("langq", 6), ("langq", 6), ("lang-over", 90), ("lang-over", 99.5), ("lang-over", 99.5), ("lang-fault", 60) })
            {
                await sensor.PublishStringAsync(Readings.Topic(tank), Readings.Level(t0, pct), cancellationToken: Ct);
                t0 = t0.AddSeconds(20);
            }

            await sensor.PublishStringAsync(Readings.Topic("lang-fault"), $$"""{"ts":"{{t0:yyyy-MM-ddTHH:mm:ssZ}}","distanceMm":120}""", cancellationToken: Ct);
        }

        using var field = host.Api(UiUsers.FieldToken);
        await PostAsync(field, $"/api/camps/{UiRegistry.CampId}/quality", """{ "tankId": "langq", "frcMgL": 0.1, "turbidityNtu": 9, "ph": 9.2, "ecoliCfu": 3 }""");
        await PostAsync(field, $"/api/camps/{UiRegistry.CampId}/quality", """{ "tankId": "lang-frc", "frcMgL": 3.5 }""");

        string[] kinds = ["low-level", "overflow", "sensor-fault", "quality-frc-low", "quality-frc-high", "quality-turbidity", "quality-ph", "quality-ecoli"];
        string[] tanks = ["langq", "lang-over", "lang-fault", "lang-frc"];
        var english = await Eventually.ValueAsync(() => AlertsAsync(null, tanks), a => kinds.All(k => a.Any(x => x.GetProperty("kind").GetString() == k)),
            TimeSpan.FromSeconds(15), $"alerts of {string.Join(", ", kinds)}");
        var arabic = await AlertsAsync("ar-SY,ar;q=0.9,en;q=0.5", tanks);
        var french = await AlertsAsync("fr", tanks);

        foreach (var kind in kinds)
        {
            var en = english.First(a => a.GetProperty("kind").GetString() == kind);
            var ar = arabic.Single(a => a.GetProperty("id").GetString() == en.GetProperty("id").GetString());
            var fr = french.Single(a => a.GetProperty("id").GetString() == en.GetProperty("id").GetString());
            var key = ar.GetProperty("messageKey").GetString();
            Assert.StartsWith($"alert.msg.{kind}", key);
            Assert.Equal(key, en.GetProperty("messageKey").GetString());
            var parts = ar.GetProperty("messageArgs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Assert.NotEmpty(parts);
            var arMessage = ar.GetProperty("message").GetString()!;
            var enMessage = en.GetProperty("message").GetString()!;
            Assert.True(ArabicLetters().Matches(arMessage).Count >= 5, $"{kind} in Arabic: “{arMessage}”");
            Assert.False(EnglishWord().IsMatch(arMessage), $"{kind} in Arabic has an English word: “{arMessage}”");
            // The same figures in every language: each part that is a number is in the English, the Arabic and the French.
            foreach (var figure in parts.Values.Where(v => Regex.IsMatch(v, @"^\d+(\.\d+)?$")))
            {
                Assert.Contains(figure, enMessage);
                Assert.Contains(figure, arMessage);
                Assert.Contains(figure, fr.GetProperty("message").GetString()!);
            }

            Assert.NotEqual(enMessage, fr.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task A_persons_language_ar_is_kept_on_the_server_and_de_is_refused_naming_the_field_language()
    {
        using var api = host.Api(UiUsers.ManagerToken);
        var put = await api.PutAsync("/api/me/language", new StringContent("""{ "language": "ar" }""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("ar", (await api.GetFromJsonAsync<JsonElement>("/api/me/language", Ct)).GetProperty("language").GetString());
        Assert.Equal("ar", (await api.GetFromJsonAsync<JsonElement>("/api/session", Ct)).GetProperty("language").GetString());

        var refused = await api.PutAsync("/api/me/language", new StringContent("""{ "language": "de" }""", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("language", out _), problem.ToString());
        Assert.Equal("ar", (await api.GetFromJsonAsync<JsonElement>("/api/me/language", Ct)).GetProperty("language").GetString());
    }

    private static async Task PostAsync(HttpClient api, string path, string json) =>
        (await api.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();

    private async Task<JsonElement[]> AlertsAsync(string? acceptLanguage, string[] tanks)
    {
        using var api = host.Api(UiUsers.ViewerToken);
        if (acceptLanguage is not null)
        {
            api.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var alerts = (await api.GetFromJsonAsync<JsonElement[]>($"/api/alerts?campId={UiRegistry.CampId}", Ct))!;
        return [.. alerts.Where(a => tanks.Contains(a.GetProperty("tankId").GetString()))];
    }

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetters();

    /// <summary>A Latin word of three letters or more: none is left in an Arabic message.</summary>
    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex EnglishWord();
}
