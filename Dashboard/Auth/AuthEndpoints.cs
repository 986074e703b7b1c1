using System.Globalization;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampWater.Dashboard.Auth;

/// <summary>
/// The log-in form, log-out, and <c>GET /api/session</c> (who is signed in, what they may do, and the
/// anti-forgery token that the page sends with every change it makes).
/// </summary>
internal static partial class AuthEndpoints
{
    public const string LoginPath = "/login";
    public const string LogoutPath = "/logout";
    public const string AntiforgeryHeader = "X-CSRF-Token";

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetRequiredService<AuthSettings>().NobodyCanSignIn)
        {
            LogNobodyCanSignIn(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AuthSettings)));
        }

        app.MapGet(LoginPath, (HttpContext context, AuthSettings settings, IAntiforgery antiforgery, string? returnUrl) =>
            settings.Enabled ? LoginPage.Render(context, antiforgery, returnUrl, error: null) : Results.Redirect("./"));
        app.MapPost(LoginPath, LogIn).DisableAntiforgery().RequireRateLimiting(SignInThrottle.AddressPolicy);
        app.MapPost(LogoutPath, LogOut).DisableAntiforgery();
        app.MapGet("/api/session", Session);
    }

    private static async Task<IResult> LogIn(HttpContext context, AuthSettings settings, IAntiforgery antiforgery, SignInThrottle throttle)
    {
        if (!settings.Enabled)
        {
            return Results.Redirect("./");
        }

        if (!context.Request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the log-in form.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return LoginPage.Render(context, antiforgery, returnUrl, LoginPage.Text(context, "login.error.expired"), StatusCodes.Status400BadRequest);
        }

        var name = form["name"].ToString();
        if (throttle.NameRetryAfter(name) is { } wait)
        {
            return Refused(context, antiforgery, returnUrl, SignInLimit.Name, wait, name);
        }

        AuthUser? user;
        using (var turn = await throttle.CheckTurnAsync(context.RequestAborted))
        {
            if (turn is null)
            {
                return Refused(context, antiforgery, returnUrl, SignInLimit.Busy, SignInThrottle.BusyRetry, name);
            }

            // Asked again in turn: a check of the same name that was ahead in the queue may have used the last failure.
            if (throttle.NameRetryAfter(name) is { } stillWait)
            {
                return Refused(context, antiforgery, returnUrl, SignInLimit.Name, stillWait, name);
            }

            user = settings.CheckPassword(name, form["password"]);
            if (user is null)
            {
                throttle.Failed(name);
            }
        }

        if (user is null)
        {
            return LoginPage.Render(context, antiforgery, returnUrl, LoginPage.Text(context, "login.error.mismatch"), StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name!.Trim()), new Claim(ClaimTypes.Role, user.Role!)],
            AuthSchemes.Cookie, ClaimTypes.Name, ClaimTypes.Role);
        await context.SignInAsync(AuthSchemes.Cookie, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
        return Results.Redirect(LocalOrHome(returnUrl));
    }

    /// <summary>A sign-in refused by a limit before its password was checked: 429, how long to wait, counted.</summary>
    private static IResult Refused(HttpContext context, IAntiforgery antiforgery, string? returnUrl, SignInLimit limit, TimeSpan wait, string? name)
    {
        context.RequestServices.GetRequiredService<SignInMetrics>().Throttled(limit, SignInThrottle.Address(context), name);
        var seconds = (long)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var after = seconds < 120
            ? LoginPage.Text(context, "login.seconds", new Dictionary<string, string> { ["n"] = seconds.ToString(CultureInfo.InvariantCulture) })
            : LoginPage.Text(context, "login.minutes", new Dictionary<string, string> { ["n"] = Math.Ceiling(seconds / 60.0).ToString(CultureInfo.InvariantCulture) });
        var message = LoginPage.Text(context, limit switch
        {
            SignInLimit.Name => "login.error.name",
            SignInLimit.Address => "login.error.address",
            _ => "login.error.busy",
        }, new Dictionary<string, string> { ["after"] = after });
        return LoginPage.Render(context, antiforgery, returnUrl, message, StatusCodes.Status429TooManyRequests);
    }

    /// <summary>The answer of the rate limiting middleware when a client address has used up its attempts.</summary>
    public static Task RefuseAddress(HttpContext context, TimeSpan wait) =>
        Refused(context, context.RequestServices.GetRequiredService<IAntiforgery>(), null, SignInLimit.Address, wait, null).ExecuteAsync(context);

    private static async Task<IResult> LogOut(HttpContext context, AuthSettings settings, IAntiforgery antiforgery)
    {
        if (settings.Enabled)
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The anti-forgery token is missing or has expired. Reload the page and sign out again.");
            }

            await context.SignOutAsync(AuthSchemes.Cookie);
        }

        return Results.Redirect(settings.Enabled ? "login" : "./");
    }

    private static async Task<IResult> Session(HttpContext context, AuthSettings settings, IAntiforgery antiforgery, Orleans.IGrainFactory grains)
    {
        var result = await context.AuthenticateAsync(AuthSchemes.Default);
        var user = result.Succeeded ? result.Principal : null;
        if (user is not null)
        {
            context.User = user;
        }

        var role = user?.FindFirstValue(ClaimTypes.Role);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var language = await Api.PersonEndpoints.LanguageOf(context, grains);
        context.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new
        {
            authEnabled = settings.Enabled,
            signedIn = user is not null,
            name = user?.Identity?.Name,
            role,
            language,
            can = new
            {
                read = Roles.Allows(role, Roles.ReadPolicy),
                act = Roles.Allows(role, Roles.ActPolicy),
                configure = Roles.Allows(role, Roles.ConfigurePolicy),
                export = Roles.Allows(role, Roles.ExportPolicy),
                admin = Roles.Allows(role, Roles.AdminPolicy),
            },
            antiforgery = new { header = AntiforgeryHeader, token = tokens.RequestToken, field = tokens.FormFieldName },
        });
    }

    /// <summary>
    /// A change made with the sign-in cookie must carry the page's anti-forgery token: the cookie alone
    /// does not prove that our page sent it. Bearer clients and open access do not use a cookie.
    /// </summary>
    public static IApplicationBuilder UseAntiforgeryForCookieWrites(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var method = context.Request.Method;
            var writes = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method));
            if (writes && context.Request.Path.StartsWithSegments("/api")
                && context.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.Cookie })
            {
                var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
                if (!await antiforgery.IsRequestValidAsync(context))
                {
                    await Results.Problem(
                        statusCode: StatusCodes.Status400BadRequest,
                        title: "Bad request",
                        detail: $"The {AntiforgeryHeader} header is missing or has expired. Reload the page and try again.").ExecuteAsync(context);
                    return;
                }
            }

            await next();
        });

    private static string LocalOrHome(string? returnUrl)
    {
        // Only a path on this site: an open redirect would let a link send someone elsewhere after signing in.
        if (string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal))
        {
            return "./";
        }

        return returnUrl;
    }

    internal static string Html(string? text) => WebUtility.HtmlEncode(text ?? "");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in is on with API tokens but no user (CampWater:Auth:Users): API clients are served, and nobody can sign in to the dashboard. To add a person, make a password hash with 'dotnet run --project Silo -- hash-password' and set CampWater:Auth:Users:0:Name, :Role and :PasswordHash.")]
    private static partial void LogNobodyCanSignIn(ILogger logger);
}
