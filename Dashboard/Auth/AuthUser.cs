namespace CampWater.Dashboard.Auth;

/// <summary>A person who signs in to the dashboard: <c>CampWater:Auth:Users:{i}</c>.</summary>
public sealed class AuthUser
{
    public string? Name { get; set; }

    public string? Role { get; set; }

    /// <summary>Made by <c>Silo hash-password</c>; see <see cref="PasswordHash"/>.</summary>
    public string? PasswordHash { get; set; }
}
