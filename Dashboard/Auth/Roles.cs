namespace CampWater.Dashboard.Auth;

/// <summary>
/// The five roles of docs/configuration.md and the four things they may do. Each policy lists the roles that
/// hold the right, so that a role's rights read in one place.
/// </summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Field = "field";
    public const string Engineer = "engineer";
    public const string Manager = "manager";
    public const string Admin = "admin";

    public static readonly string[] All = [Viewer, Field, Engineer, Manager, Admin];

    /// <summary>See camps, tanks, levels, coverage and alerts; watch the live hub. Every role.</summary>
    public const string ReadPolicy = "campwater-read";

    /// <summary>Acknowledge, assign, comment on and resolve alerts.</summary>
    public const string ActPolicy = "campwater-act";

    /// <summary>Create and change camps, tanks and thresholds.</summary>
    public const string ConfigurePolicy = "campwater-configure";

    /// <summary>Download coverage as CSV.</summary>
    public const string ExportPolicy = "campwater-export";

    /// <summary>The Orleans operations view and anything else about the running cluster.</summary>
    public const string AdminPolicy = "campwater-admin";

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [ReadPolicy] = All,
        [ActPolicy] = [Field, Engineer, Admin],
        [ConfigurePolicy] = [Engineer, Admin],
        [ExportPolicy] = [Manager, Admin],
        [AdminPolicy] = [Admin],
    };

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="role"/> holds the right named by <paramref name="policy"/>.</summary>
    public static bool Allows(string? role, string policy) =>
        role is not null && RolesByPolicy.TryGetValue(policy, out var roles) && roles.Contains(role, StringComparer.Ordinal);
}
