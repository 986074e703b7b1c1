namespace CampWater.Dashboard.Auth;

/// <summary>An API client: <c>CampWater:Auth:Tokens:{i}</c>, sent as <c>Authorization: Bearer {token}</c>.</summary>
public sealed class AuthToken
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    public string? Token { get; set; }
}
