using CampWater.Texts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace CampWater.Dashboard.Auth;

/// <summary>
/// The log-in form: plain HTML that works with no script, posted with an anti-forgery token, in the language
/// the browser keeps (the <c>campwater.lang</c> cookie the dashboard sets, or <c>?lang=</c> from the form's own
/// language links), else the browser's Accept-Language.
/// </summary>
internal static class LoginPage
{
    public const string LanguageCookie = "campwater.lang";

    private static readonly (string Code, string Name)[] LanguageNames = [("en", "English"), ("ar", "العربية"), ("fr", "Français")];

    /// <summary>The language of the page: a supported <c>?lang=</c> (then kept in the cookie), the cookie, else Accept-Language.</summary>
    public static string LanguageOf(HttpContext context)
    {
        var languages = TextCatalogue.Embedded.Languages.ToHashSet(StringComparer.Ordinal);
        var asked = context.Request.Query["lang"].ToString();
        if (languages.Contains(asked))
        {
            context.Response.Cookies.Append(LanguageCookie, asked, new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax });
            return asked;
        }

        if (context.Request.Cookies.TryGetValue(LanguageCookie, out var kept) && languages.Contains(kept))
        {
            return kept;
        }

        return Api.RequestLanguage.Of(context.Request);
    }

    /// <summary>A text of the log-in page in the request's language.</summary>
    public static string Text(HttpContext context, string key, IReadOnlyDictionary<string, string>? args = null) =>
        TextCatalogue.Embedded.Format(LanguageOf(context), key, args ?? new Dictionary<string, string>());

    public static IResult Render(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var h = AuthEndpoints.Html;
        var lang = LanguageOf(context);
        var dir = lang == "ar" ? "rtl" : "ltr";
        string T(string key) => h(TextCatalogue.Embedded.Format(lang, key));
        var back = string.IsNullOrEmpty(returnUrl) ? "" : "&returnUrl=" + Uri.EscapeDataString(returnUrl);
        var picker = string.Join(" · ", LanguageNames.Select(l => l.Code == lang
            ? $"""<strong lang="{l.Code}">{l.Name}</strong>"""
            : $"""<a lang="{l.Code}" href="login?lang={l.Code}{h(back)}">{l.Name}</a>"""));
        var errorHtml = error is null ? "" : $"""<p class="login-error" role="alert" id="login-error">{h(error)}</p>""";
        var described = error is null ? "" : """ aria-describedby="login-error" aria-invalid="true" """;
        var html = $$"""
            <!doctype html>
            <html lang="{{lang}}" dir="{{dir}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="theme-color" content="#0b3954">
              <title>{{T("login.title")}}</title>
              <link rel="icon" href="favicon.svg" type="image/svg+xml">
              <link rel="manifest" href="manifest.webmanifest">
              <link rel="stylesheet" href="app.css">
            </head>
            <body class="login-body">
              <main id="main" class="login">
                <h1 class="login-title"><svg class="brand-mark" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5C8 1.5 3 7.2 3 10.2a5 5 0 0 0 10 0C13 7.2 8 1.5 8 1.5z"/></svg> CampWater</h1>
                <p class="muted">{{T("login.intro")}}</p>
                {{errorHtml}}
                <form method="post" action="login" class="login-form">
                  <input type="hidden" name="{{h(tokens.FormFieldName)}}" value="{{h(tokens.RequestToken)}}">
                  <input type="hidden" name="returnUrl" value="{{h(returnUrl)}}">
                  <label for="name">{{T("login.name")}}</label>
                  <input id="name" name="name" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus{{described}}>
                  <label for="password">{{T("login.password")}}</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required{{described}}>
                  <button type="submit" class="button">{{T("login.submit")}}</button>
                </form>
                <p class="login-languages" id="lang-picker">{{picker}}</p>
              </main>
            </body>
            </html>
            """;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = DashboardSecurityHeaders.ContentSecurityPolicy;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
