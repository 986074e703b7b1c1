namespace CampWater.Dashboard.Auth;

/// <summary>The <c>CampWater:Auth</c> section (docs/configuration.md): who may sign in and which API clients hold tokens.</summary>
public sealed class AuthOptions
{
    public const string Section = "CampWater:Auth";

    /// <summary>Null means: off in Development (open access, with a banner), on everywhere else.</summary>
    public bool? Enabled { get; set; }

    public List<AuthUser> Users { get; set; } = [];

    public List<AuthToken> Tokens { get; set; } = [];

    public SignInThrottleOptions Throttle { get; set; } = new();
}
