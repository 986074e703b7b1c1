using CampWater.Dashboard.Metrics;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CampWater.Dashboard.Auth;

/// <summary>Sign-in for people (a cookie), tokens for API clients, and one policy per right (docs/configuration.md).</summary>
internal static class AuthServiceCollectionExtensions
{
    public static readonly TimeSpan SessionLength = TimeSpan.FromDays(7);

    public static IServiceCollection AddCampWaterAuth(this IServiceCollection services, AuthSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<SignInMetrics>();
        services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<SignInMetrics>());
        services.AddSingleton<SignInThrottle>();
        services.AddRateLimiter(o => SignInThrottle.AddAddressPolicy(o, settings.Throttle, AuthEndpoints.RefuseAddress));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AuthEndpoints.AntiforgeryHeader;
            o.Cookie.Name = "campwater.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "CampWater", o => o.ForwardDefaultSelector = context =>
                !settings.Enabled ? AuthSchemes.OpenAccess
                : BearerTokenHandler.TokenOf(context.Request) is not null ? AuthSchemes.Bearer
                : AuthSchemes.Cookie)
            .AddScheme<AuthenticationSchemeOptions, OpenAccessHandler>(AuthSchemes.OpenAccess, null)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = AuthSchemes.CookieName;
                o.Cookie.HttpOnly = true;
                // Strict: no other site can make a browser send it, so a signed-in page cannot be driven from elsewhere.
                o.Cookie.SameSite = SameSiteMode.Strict;
                // Secure whenever the dashboard is reached over HTTPS; a camp LAN on plain HTTP still works.
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = SessionLength;
                o.SlidingExpiration = true;
                o.LoginPath = AuthEndpoints.LoginPath;
                o.LogoutPath = AuthEndpoints.LogoutPath;
                o.AccessDeniedPath = AuthEndpoints.LoginPath;
                o.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
            });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var (policy, roles) in Roles.RolesByPolicy)
        {
            authorization.AddPolicy(policy, b => b.AddAuthenticationSchemes(AuthSchemes.Default).RequireAuthenticatedUser().RequireRole(roles));
        }

        return services;
    }

    /// <summary>API and hub calls get a status code; a page that needs sign-in sends the browser to the log-in form.</summary>
    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        var isPage = HttpMethods.IsGet(context.Request.Method)
            && !path.StartsWithSegments("/api") && !path.StartsWithSegments(Live.LiveHub.Path)
            && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (isPage && status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            context.Response.StatusCode = status;
        }

        return Task.CompletedTask;
    }
}
