using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;

namespace CampWater.Dashboard.Auth;

/// <summary>The log-in form: plain HTML that works with no script, posted with an anti-forgery token.</summary>
internal static class LoginPage
{
    public static IResult Render(HttpContext context, IAntiforgery antiforgery, string? returnUrl, string? error, int status = StatusCodes.Status200OK)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var h = AuthEndpoints.Html;
        var errorHtml = error is null ? "" : $"""<p class="login-error" role="alert" id="login-error">{h(error)}</p>""";
        var described = error is null ? "" : """ aria-describedby="login-error" aria-invalid="true" """;
        var html = $$"""
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="theme-color" content="#0b3954">
              <title>Sign in · CampWater</title>
              <link rel="icon" href="favicon.svg" type="image/svg+xml">
              <link rel="stylesheet" href="app.css">
            </head>
            <body class="login-body">
              <main id="main" class="login">
                <h1 class="login-title"><svg class="brand-mark" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.5C8 1.5 3 7.2 3 10.2a5 5 0 0 0 10 0C13 7.2 8 1.5 8 1.5z"/></svg> CampWater</h1>
                <p class="muted">Sign in to see tanks, alerts and coverage.</p>
                {{errorHtml}}
                <form method="post" action="login" class="login-form">
                  <input type="hidden" name="{{h(tokens.FormFieldName)}}" value="{{h(tokens.RequestToken)}}">
                  <input type="hidden" name="returnUrl" value="{{h(returnUrl)}}">
                  <label for="name">Name</label>
                  <input id="name" name="name" autocomplete="username" autocapitalize="none" spellcheck="false" required autofocus{{described}}>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required{{described}}>
                  <button type="submit" class="button">Sign in</button>
                </form>
              </main>
            </body>
            </html>
            """;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.ContentSecurityPolicy = DashboardSecurityHeaders.ContentSecurityPolicy;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
