using System.Text;

namespace CampWater.Ui;

/// <summary>
/// The alert kinds <see cref="LanguageApiTests"/> does not raise, raised through the same paths as in the field and
/// read with <c>Accept-Language: ar</c> and <c>fr</c>: readings over MQTT for rapid-drop (tank <c>lang-drop</c>),
/// night-draw, coverage-low and sensor-offline (camp <see cref="UiRegistry.LanguageCampId"/>, whose readings are of the
/// day before yesterday by the camp's own clock, so the night and the day are over whenever the test runs), a tap
/// count and a latrine count over the API for taps-short and latrines-short; trucked water vouchers over the API
/// with the tank's readings over MQTT for delivery-short and delivery-unverified.
/// </summary>
[Collection(UiCollection.Name)]
public sealed class AlertKindLanguageTests(UiHostFixture host)
{
    private static readonly TimeZoneInfo s_damascus = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Accept_Language_ar_and_fr_word_rapid_drop_night_draw_sensor_offline_coverage_low_taps_short_and_latrines_short_with_their_key_and_parts()
    {
        // Level noise of ±0.1 % (3 mm on a 3,000 mm tank), as the ultrasonic sensor's stated accuracy.
        var noise = new Random(20);
        double Noisy(double pct) => Math.Round(pct + ((noise.NextDouble() * 0.2) - 0.1), 2);

        await using (var sensor = await host.ConnectSensorAsync())
        {
            // lang-drop falls 1 % a minute (60 %/h against a limit of 30 %/h) for 16 minutes: a leak.
            var t0 = DateTimeOffset.UtcNow.AddMinutes(-20);
            for (var i = 0; i <= 16; i++)
            {
                await sensor.PublishStringAsync(Readings.Topic("lang-drop"), Readings.Level(t0.AddMinutes(i), Noisy(90 - i)), cancellationToken: Ct);
            }

            // lang-day, the day before yesterday in Damascus, a reading every 15 minutes: 80 % to 70 % over the quiet
            // hours 00:00-04:00 (10 % of 9,425 L: the draw counted once the estimate settles is above the 5 % limit of 471 L), then to 50 % by midnight: 2,827 L for 1,000 people,
            // 2.8 L a person, below the emergency minimum of 15. The readings after its midnight end the day; then the tank is silent.
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, s_damascus).DateTime).AddDays(-2);
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            var start = new DateTimeOffset(midnight, s_damascus.GetUtcOffset(midnight));
            var topic = Readings.Topic("lang-day", UiRegistry.LanguageCampId);
            for (var i = 0; i <= 98; i++)
            {
                var pct = i <= 16 ? 80 - (10.0 * i / 16) : Math.Max(50, 70 - (20.0 * (i - 16) / 80));
                await sensor.PublishStringAsync(topic, Readings.Level(start.AddMinutes(15 * i), Noisy(pct)), cancellationToken: Ct);
            }
        }

        using var field = host.Api(UiUsers.FieldToken);
        // 2 of 6 taps usable for 1,000 people: 500 a tap, above 250; 10 of 24 latrines usable: 100 a latrine, above 50.
        await SendAsync(field, HttpMethod.Post, $"/api/camps/{UiRegistry.LanguageCampId}/points/lp1/status", """{ "usableTaps": 2, "note": "four broken" }""");
        await SendAsync(field, HttpMethod.Put, $"/api/camps/{UiRegistry.LanguageCampId}/sanitation", """{ "latrines": 24, "usableLatrines": 10, "showers": 12, "usableShowers": 10 }""");

        string[] kinds = ["rapid-drop", "night-draw", "sensor-offline", "coverage-low", "taps-short", "latrines-short"];
        var english = await Eventually.ValueAsync(() => AlertsAsync(null), a => AlertLanguages.HasKinds(a, kinds),
            TimeSpan.FromSeconds(60), $"alerts of {string.Join(", ", kinds)} (the camp looks for silent tanks every 10 s)");
        var arabic = await AlertsAsync("ar-SY,ar;q=0.9,en;q=0.5");
        var french = await AlertsAsync("fr-TD,fr;q=0.9");

        AlertLanguages.AssertWorded(kinds, english, arabic, french);
        // 2.8 L a person is critical; the day is judged as its readings arrive, late, after the camp first judged it empty.
        Assert.Contains(english, a => a.GetProperty("messageKey").GetString()!.StartsWith("alert.msg.coverage-low.critical", StringComparison.Ordinal));
        Assert.Contains(english, a => a.GetProperty("messageKey").GetString() == "alert.msg.night-draw.share");
    }

    [Fact]
    public async Task Accept_Language_ar_and_fr_word_delivery_short_of_a_3000_L_voucher_and_delivery_unverified_with_their_key_and_parts()
    {
        var now = DateTimeOffset.UtcNow;
        var truckAt = now.AddMinutes(-100);
        using var field = host.Api(UiUsers.FieldToken);
        var path = $"/api/camps/{UiRegistry.CampId}/vouchers";
        // A voucher of 3,000 L four hours ago at a tank whose level never rose: unverified after 3 hours.
        await SendAsync(field, HttpMethod.Post, path, $$"""{ "tankId": "lang-ghost", "deliveredAt": "{{now.AddHours(-4):yyyy-MM-ddTHH:mm:ssZ}}", "litres": 3000, "contractor": "Azraq Water Co", "truck": "JO 55-1234", "voucherNo": "AZ-601" }""");
        await SendAsync(field, HttpMethod.Post, path, $$"""{ "tankId": "lang-short", "deliveredAt": "{{truckAt.AddMinutes(5):yyyy-MM-ddTHH:mm:ssZ}}", "litres": 3000, "contractor": "Azraq Water Co", "truck": "JO 55-1235", "voucherNo": "AZ-602" }""");

        // lang-short: 300 L an hour drawn, and a fill of 2,000 L over 20 minutes (two thirds of the voucher), noise ±0.1 %.
        var noise = new Random(21);
        var pct = 50.0;
        await using (var sensor = await host.ConnectSensorAsync())
        {
            for (var t = now.AddHours(-3); t < now; t = t.AddMinutes(5))
            {
                pct -= 300.0 / 12 / 94.2478;
                if (t > truckAt && t <= truckAt.AddMinutes(20))
                {
                    pct += 2000.0 / 4 / 94.2478;
                }

                await sensor.PublishStringAsync(Readings.Topic("lang-short"), Readings.Level(t, Math.Round(pct + ((noise.NextDouble() * 0.2) - 0.1), 2)), cancellationToken: Ct);
            }
        }

        string[] kinds = ["delivery-short", "delivery-unverified"];
        string[] tanks = ["lang-ghost", "lang-short"];
        async Task<System.Text.Json.JsonElement[]> Alerts(string? language) =>
            [.. (await AlertLanguages.AlertsAsync(host, language, UiRegistry.CampId, Ct)).Where(a => tanks.Contains(a.GetProperty("tankId").GetString()))];
        var english = await Eventually.ValueAsync(() => Alerts(null), a => AlertLanguages.HasKinds(a, kinds), TimeSpan.FromSeconds(60), "delivery-short and delivery-unverified");
        AlertLanguages.AssertWorded(kinds, english, await Alerts("ar"), await Alerts("fr"));
    }

    private static async Task SendAsync(HttpClient api, HttpMethod method, string path, string json)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        (await api.SendAsync(request, Ct)).EnsureSuccessStatusCode();
    }

    private async Task<System.Text.Json.JsonElement[]> AlertsAsync(string? acceptLanguage) =>
    [
        .. await AlertLanguages.AlertsAsync(host, acceptLanguage, UiRegistry.LanguageCampId, Ct),
        .. (await AlertLanguages.AlertsAsync(host, acceptLanguage, UiRegistry.CampId, Ct)).Where(a => a.GetProperty("tankId").GetString() == "lang-drop"),
    ];
}
