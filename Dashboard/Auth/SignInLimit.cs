namespace CampWater.Dashboard.Auth;

/// <summary>Which limit refused a sign-in; each is counted in <c>/metrics</c> under its own label.</summary>
public enum SignInLimit
{
    /// <summary>Too many attempts from one client address in a minute.</summary>
    Address,

    /// <summary>Too many failures for one name within the window.</summary>
    Name,

    /// <summary>Too many password checks waiting at once: a flood, whatever the other limits say.</summary>
    Busy,
}
