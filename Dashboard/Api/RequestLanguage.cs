using CampWater.Alerts;
using CampWater.Texts;
using Microsoft.AspNetCore.Http;

namespace CampWater.Dashboard.Api;

/// <summary>The language a request asks for (Accept-Language, by quality), and alerts worded in it.</summary>
internal static class RequestLanguage
{
    public static string Of(HttpRequest request)
    {
        var tags = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value ?? "");
        return TextCatalogue.Embedded.Pick(tags);
    }

    /// <summary>The alert's message and the notes the server wrote among its comments, in <paramref name="language"/>.</summary>
    public static Alert Worded(Alert alert, string language) =>
        language == TextCatalogue.Fallback ? alert : alert with
        {
            Message = TextCatalogue.Embedded.Message(alert, language),
            Comments = alert.Comments.IsDefault ? alert.Comments : [.. alert.Comments.Select(c => c.TextKey is null ? c : c with { Text = TextCatalogue.Embedded.Text(c, language) })],
        };
}
