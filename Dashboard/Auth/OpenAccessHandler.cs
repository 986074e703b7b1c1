using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampWater.Dashboard.Auth;

/// <summary>
/// Sign-in off (<c>CampWater:Auth:Enabled=false</c>): every request is "anonymous" with every role's
/// rights. The same policies still run, so switching sign-in on changes nothing else.
/// </summary>
public sealed class OpenAccessHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, AuthSchemes.AnonymousName), new Claim(ClaimTypes.Role, Roles.Admin)],
        AuthSchemes.OpenAccess, ClaimTypes.Name, ClaimTypes.Role));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Anonymous, AuthSchemes.OpenAccess)));
}
