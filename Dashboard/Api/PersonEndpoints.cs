using System.Text.Json;
using CampWater.Dashboard.Auth;
using CampWater.Grains;
using CampWater.Texts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampWater.Dashboard.Api;

/// <summary>
/// The signed-in person's own choices, kept on the server so that they follow the person to another phone:
/// <c>GET /api/me/language</c> → <c>{ "language" }</c> (null before the first choice) and
/// <c>PUT /api/me/language</c> <c>{ "language": "en"|"ar"|"fr" }</c>.
/// </summary>
internal static class PersonEndpoints
{
    public static void MapPersonEndpoints(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me").RequireAuthorization(Roles.ReadPolicy);
        me.MapGet("/language", async (HttpContext context, IGrainFactory grains) =>
            NameOf(context) is { } name
                ? Results.Ok(new { language = await grains.GetGrain<IPersonGrain>(name).GetLanguage() })
                : Problems.Invalid("language", "is kept only for a signed-in person; with sign-in off the browser keeps it"));
        me.MapPut("/language", SetLanguage);
    }

    /// <summary>The person's language, or null (never chosen, or nobody signed in).</summary>
    public static async Task<string?> LanguageOf(HttpContext context, IGrainFactory grains) =>
        NameOf(context) is { } name ? await grains.GetGrain<IPersonGrain>(name).GetLanguage() : null;

    private static async Task<IResult> SetLanguage(HttpContext context, IGrainFactory grains)
    {
        if (NameOf(context) is not { } name)
        {
            return Problems.Invalid("language", "is kept only for a signed-in person; with sign-in off the browser keeps it");
        }

        string? language;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            language = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("language", out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException e)
        {
            return Problems.Invalid("(body)", $"is not valid JSON: {e.Message}");
        }

        var languages = TextCatalogue.Embedded.Languages.Order(StringComparer.Ordinal).ToArray();
        if (language is null || !languages.Contains(language, StringComparer.Ordinal))
        {
            return Problems.Invalid("language", $"must be one of {string.Join(", ", languages)}");
        }

        await grains.GetGrain<IPersonGrain>(name).SetLanguage(language);
        return Results.Ok(new { language });
    }

    private static string? NameOf(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;
}
