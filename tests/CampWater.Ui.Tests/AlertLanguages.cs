using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampWater.Ui;

/// <summary>
/// What the language tests of the API check on each alert kind: the same alert read without <c>Accept-Language</c>,
/// in Arabic and in French carries the same <c>messageKey</c> and its parts; the Arabic message is Arabic, with no
/// Latin word but units and ids; every figure among the parts is in all three messages; the French differs from the English.
/// </summary>
internal static partial class AlertLanguages
{
    public static async Task<JsonElement[]> AlertsAsync(UiHostFixture host, string? acceptLanguage, string campId, CancellationToken ct)
    {
        using var api = host.Api(UiUsers.ViewerToken);
        if (acceptLanguage is not null)
        {
            api.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return (await api.GetFromJsonAsync<JsonElement[]>($"/api/alerts?campId={campId}", ct))!;
    }

    public static bool HasKinds(IEnumerable<JsonElement> alerts, IEnumerable<string> kinds) =>
        kinds.All(k => alerts.Any(a => a.GetProperty("kind").GetString() == k));

    public static void AssertWorded(string[] kinds, JsonElement[] english, JsonElement[] arabic, JsonElement[] french)
    {
        foreach (var kind in kinds)
        {
            var en = english.First(a => a.GetProperty("kind").GetString() == kind);
            var ar = arabic.Single(a => a.GetProperty("id").GetString() == en.GetProperty("id").GetString());
            var fr = french.Single(a => a.GetProperty("id").GetString() == en.GetProperty("id").GetString());
            var key = ar.GetProperty("messageKey").GetString();
            Assert.StartsWith($"alert.msg.{kind}", key);
            Assert.Equal(key, en.GetProperty("messageKey").GetString());
            Assert.Equal(key, fr.GetProperty("messageKey").GetString());
            var parts = ar.GetProperty("messageArgs").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
            Assert.NotEmpty(parts);
            var arMessage = ar.GetProperty("message").GetString()!;
            var enMessage = en.GetProperty("message").GetString()!;
            var frMessage = fr.GetProperty("message").GetString()!;
            Assert.True(ArabicLetters().Matches(arMessage).Count >= 5, $"{kind} in Arabic: “{arMessage}”");
            // Names and numbers people wrote (a contractor, a truck's plate, a voucher number) are data, not words to translate.
            var words = parts.Values.Where(v => !Regex.IsMatch(v, @"^\d+(\.\d+)?$")).OrderByDescending(v => v.Length)
                .Aggregate(arMessage, (text, data) => text.Replace(data, " ", StringComparison.Ordinal));
            Assert.False(LatinWord().IsMatch(words), $"{kind} in Arabic has a Latin word: “{arMessage}”");
            // The same figures in every language: each part that is a number is in the English, the Arabic and the French.
            // A part of minutes ("…Min") reads in the unit a person counts in: 2,737 minutes as 46 h.
            foreach (var figure in parts.Where(p => Regex.IsMatch(p.Value, @"^\d+(\.\d+)?$")).Select(p => p.Key.EndsWith("Min", StringComparison.Ordinal) ? Span(p.Value) : p.Value))
            {
                Assert.Contains(figure, enMessage.Replace(",", "", StringComparison.Ordinal)); // the server's English groups thousands: 3,000 L
                Assert.Contains(figure, arMessage);
                Assert.Contains(figure, frMessage);
            }

            Assert.NotEqual(enMessage, frMessage);
        }
    }

    /// <summary>The figure of a span of minutes: whole minutes below 90, hours below three days, then days (one decimal below ten).</summary>
    private static string Span(string minutes)
    {
        var value = double.Parse(minutes, CultureInfo.InvariantCulture);
        value = value < 90 ? Math.Round(value) : value < 72 * 60 ? value / 60 : value / (24 * 60);
        return value.ToString(Math.Round(value, 1) < 10 ? "0.#" : "0", CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetters();

    /// <summary>A Latin word of three letters or more: none is left in an Arabic message (units are shorter: L, mg, h).</summary>
    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex LatinWord();
}
