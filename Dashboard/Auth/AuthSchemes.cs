namespace CampWater.Dashboard.Auth;

/// <summary>The names of the authentication schemes and of the claims CampWater issues.</summary>
public static class AuthSchemes
{
    /// <summary>The default scheme: picks one of the three below for each request.</summary>
    public const string Default = "campwater";

    public const string Cookie = "campwater-cookie";

    public const string Bearer = "campwater-bearer";

    /// <summary>Sign-in off: everyone is "anonymous" with every right, and the UI says so in a banner.</summary>
    public const string OpenAccess = "campwater-open";

    public const string CookieName = "campwater.auth";

    public const string AnonymousName = "anonymous";
}
