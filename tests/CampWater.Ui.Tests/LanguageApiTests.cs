using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace CampWater.Ui;

/// <summary>
/// Alert messages worded from their parts: <c>Accept-Language: ar</c> (or <c>fr</c>) gives each alert's
/// <c>message</c> in that language from the <c>messageKey</c> and <c>messageArgs</c> stored with it, the figures
/// the same as in English; without the header the message stays English.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class LanguageApiTests(UiHostFixture host)
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
        var english = await Eventually.ValueAsync(() => AlertsAsync(null, tanks), a => AlertLanguages.HasKinds(a, kinds),
            TimeSpan.FromSeconds(15), $"alerts of {string.Join(", ", kinds)}");
        AlertLanguages.AssertWorded(kinds, english, await AlertsAsync("ar-SY,ar;q=0.9,en;q=0.5", tanks), await AlertsAsync("fr", tanks));
    }

    [Fact]
    public async Task The_note_assigned_to_Amina_Yousef_reads_in_Arabic_and_French_from_its_key_and_name_and_a_typed_comment_stays_as_typed()
    {
        using var field = host.Api(UiUsers.FieldToken);
        await PostAsync(field, $"/api/camps/{UiRegistry.CampId}/quality", """{ "tankId": "lang-note", "frcMgL": 3.2 }""");
        var alert = (await Eventually.ValueAsync(() => AlertsAsync(null, ["lang-note"]), a => a.Length > 0, TimeSpan.FromSeconds(15), "quality-frc-high on lang-note"))[0];
        var id = alert.GetProperty("id").GetString();
        await PostAsync(field, $"/api/alerts/{id}/assign", """{ "assignee": "Amina Yousef" }""");
        await PostAsync(field, $"/api/alerts/{id}/comments", """{ "text": "Dosing pump set back to 2 mL/min" }""");

        var comments = new Dictionary<string, JsonElement[]>();
        foreach (var language in new[] { "", "ar", "fr" })
        {
            using var api = host.Api(UiUsers.ViewerToken);
            if (language != "")
            {
                api.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
            }

            comments[language] = [.. (await api.GetFromJsonAsync<JsonElement>($"/api/alerts/{id}", Ct)).GetProperty("comments").EnumerateArray()];
        }

        Assert.Equal(["Assigned to Amina Yousef", "Dosing pump set back to 2 mL/min"], comments[""].Select(c => c.GetProperty("text").GetString()));
        Assert.Equal(["أُسند إلى Amina Yousef", "Dosing pump set back to 2 mL/min"], comments["ar"].Select(c => c.GetProperty("text").GetString()));
        Assert.Equal(["Attribuée à Amina Yousef", "Dosing pump set back to 2 mL/min"], comments["fr"].Select(c => c.GetProperty("text").GetString()));
        var note = comments["ar"][0];
        Assert.Equal("card.comment.assigned", note.GetProperty("textKey").GetString());
        Assert.Equal("Amina Yousef", note.GetProperty("textArgs").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, comments["ar"][1].GetProperty("textKey").ValueKind);
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

    [Theory]
    [InlineData("", """{ "tankId": "lang-note", "frcMgL": 11 }""", "frcMgL", "must be between 0 and 10 mg/L")]
    [InlineData("ar", """{ "tankId": "lang-note", "frcMgL": 11 }""", "frcMgL", "يجب أن يكون بين 0 و10 ملغ/لتر")]
    [InlineData("fr", """{ "tankId": "lang-note", "frcMgL": 11 }""", "frcMgL", "doit être entre 0 et 10 mg/L")]
    [InlineData("ar", """{ "tankId": "lang-note" }""", "frcMgL", "أدخل قيمة واحدة على الأقل: الكلور الحر أو العكارة أو درجة الحموضة أو الإشريكية القولونية")]
    [InlineData("ar", """{ "frcMgL": 0.4 }""", "tankId", "مطلوب: الخزان أو نقطة المياه التي أُخذت منها العينة")]
    [InlineData("ar", """{ "tankId": "lang-note", "ecoliCfu": -1 }""", "ecoliCfu", "يجب ألا يقل عن 0 (مستعمرة لكل 100 مل)")]
    [InlineData("fr", """{ "pointId": "p9", "frcMgL": 0.4 }""", "pointId", "")]
    public async Task A_refused_water_test_names_its_field_with_the_reason_in_the_requests_language(string language, string body, string field, string reason)
    {
        using var api = host.Api(UiUsers.FieldToken);
        if (language != "")
        {
            api.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var response = await api.PostAsync($"/api/camps/{UiRegistry.CampId}/quality", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var reasons = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(r => r.GetString()!).ToArray();
        if (reason != "")
        {
            Assert.Equal([reason], reasons);
        }
        else
        {
            // A reason of a shape not known to the catalogue keeps the server's words rather than being lost.
            Assert.NotEmpty(Assert.Single(reasons));
        }
    }

    private static async Task PostAsync(HttpClient api, string path, string json) =>
        (await api.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct)).EnsureSuccessStatusCode();

    private async Task<JsonElement[]> AlertsAsync(string? acceptLanguage, string[] tanks) =>
        [.. (await AlertLanguages.AlertsAsync(host, acceptLanguage, UiRegistry.CampId, Ct)).Where(a => tanks.Contains(a.GetProperty("tankId").GetString()))];
}
