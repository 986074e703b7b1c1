using CampWater.Dashboard.Auth;

namespace CampWater.Ui;

/// <summary>One person per role, and two API clients, as the UI tests sign in.</summary>
internal static class UiUsers
{
    public const string Password = "water-is-life-2026";

    public static readonly (string Name, string Role)[] People =
    [
        ("vera", Roles.Viewer),
        ("fatima", Roles.Field),
        ("omar", Roles.Engineer),
        ("grace", Roles.Manager),
        ("ahmed", Roles.Admin),
    ];

    public const string ViewerToken = "viewer-token-0123456789abcdef";
    public const string FieldToken = "field-token-0123456789abcdefgh";
    public const string FieldClientName = "pump-crew-app";
    public const string EngineerToken = "engineer-token-0123456789abcdef";
    public const string EngineerClientName = "ops-console";
    public const string ManagerToken = "manager-token-0123456789abcdefg";

    public static IEnumerable<string> Arguments()
    {
        // The lowest iteration count the server accepts: the tests sign in often, and 2 cores are shared.
        var hash = PasswordHash.Create(Password, iterations: 100_000);
        for (var i = 0; i < People.Length; i++)
        {
            yield return $"--CampWater:Auth:Users:{i}:Name={People[i].Name}";
            yield return $"--CampWater:Auth:Users:{i}:Role={People[i].Role}";
            yield return $"--CampWater:Auth:Users:{i}:PasswordHash={hash}";
        }

        yield return "--CampWater:Auth:Tokens:0:Name=status-board";
        yield return $"--CampWater:Auth:Tokens:0:Role={Roles.Viewer}";
        yield return $"--CampWater:Auth:Tokens:0:Token={ViewerToken}";
        yield return $"--CampWater:Auth:Tokens:1:Name={FieldClientName}";
        yield return $"--CampWater:Auth:Tokens:1:Role={Roles.Field}";
        yield return $"--CampWater:Auth:Tokens:1:Token={FieldToken}";
        yield return $"--CampWater:Auth:Tokens:2:Name={EngineerClientName}";
        yield return $"--CampWater:Auth:Tokens:2:Role={Roles.Engineer}";
        yield return $"--CampWater:Auth:Tokens:2:Token={EngineerToken}";
        yield return "--CampWater:Auth:Tokens:3:Name=donor-report";
        yield return $"--CampWater:Auth:Tokens:3:Role={Roles.Manager}";
        yield return $"--CampWater:Auth:Tokens:3:Token={ManagerToken}";
    }
}
