using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CampWater.Dashboard.Auth;

/// <summary>
/// The sign-in configuration as checked at start: whether sign-in is on, the users by name and the
/// tokens by their SHA-256 (the tokens themselves are not kept in memory longer than the start).
/// </summary>
public sealed class AuthSettings
{
    public const int MinTokenLength = 24;

    private readonly Dictionary<string, AuthUser> _users;
    private readonly (byte[] Hash, string Name, string Role)[] _tokens;

    private AuthSettings(bool enabled, Dictionary<string, AuthUser> users, (byte[], string, string)[] tokens, SignInThrottleOptions throttle)
    {
        Enabled = enabled;
        Throttle = throttle;
        _users = users;
        _tokens = tokens;
    }

    public bool Enabled { get; }

    /// <summary>Sign-in is on with API tokens but no user: the API serves its clients, and nobody can sign in to the dashboard.</summary>
    public bool NobodyCanSignIn => Enabled && _users.Count == 0;

    /// <summary>How many sign-ins are tried before the next is refused; checked at start.</summary>
    public SignInThrottleOptions Throttle { get; }

    public static AuthSettings Open { get; } = new(false, [], [], new SignInThrottleOptions());

    /// <summary>Reads <c>CampWater:Auth</c>; throws <see cref="AuthConfigurationException"/> naming every problem.</summary>
    public static AuthSettings From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var enabled = options.Enabled ?? !environment.IsDevelopment();
        var problems = new List<string>();
        var users = new Dictionary<string, AuthUser>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var key = $"CampWater:Auth:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                problems.Add($"{key}:Name is missing.");
            }
            else if (!users.TryAdd(user.Name.Trim(), user))
            {
                problems.Add($"{key}:Name '{user.Name}' is used by another user.");
            }

            if (!Roles.IsKnown(user.Role))
            {
                problems.Add($"{key}:Role '{user.Role}' must be one of {string.Join(", ", Roles.All)}.");
            }

            if (PasswordHash.Problem(user.PasswordHash) is { } hashProblem)
            {
                problems.Add($"{key}:PasswordHash {hashProblem}.");
            }
        }

        var tokens = new List<(byte[], string, string)>();
        for (var i = 0; i < options.Tokens.Count; i++)
        {
            var token = options.Tokens[i];
            var key = $"CampWater:Auth:Tokens:{i}";
            if (string.IsNullOrWhiteSpace(token.Name))
            {
                problems.Add($"{key}:Name is missing.");
            }

            if (!Roles.IsKnown(token.Role))
            {
                problems.Add($"{key}:Role '{token.Role}' must be one of {string.Join(", ", Roles.All)}.");
            }

            if (token.Token is null || token.Token.Length < MinTokenLength)
            {
                problems.Add($"{key}:Token must be at least {MinTokenLength} characters (e.g. openssl rand -hex 32).");
            }
            else
            {
                tokens.Add((Digest(token.Token), token.Name?.Trim() ?? "", token.Role ?? ""));
            }
        }

        // Tokens alone are an API-only deployment (a cluster read by another system): it starts, with a warning.
        if (enabled && users.Count == 0 && tokens.Count == 0 && problems.Count == 0)
        {
            problems.Add(
                "Sign-in is on (CampWater:Auth:Enabled) but no user is configured, nor any API token, so nobody could sign in. "
                + "Make a password hash with 'dotnet run --project Silo -- hash-password' and set "
                + "CampWater:Auth:Users:0:Name, CampWater:Auth:Users:0:Role (e.g. admin) and CampWater:Auth:Users:0:PasswordHash; "
                + "or set CampWater:Auth:Enabled=false for open access on a trusted network.");
        }

        problems.AddRange(options.Throttle.Problems());
        if (problems.Count > 0)
        {
            throw new AuthConfigurationException(
                "The sign-in configuration is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }

        return new AuthSettings(enabled, users, [.. tokens], options.Throttle);
    }

    /// <summary>The user with this name and password, or null; takes as long for a wrong name as for a wrong password.</summary>
    public AuthUser? CheckPassword(string? name, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return null;
        }

        if (name is not null && _users.TryGetValue(name.Trim(), out var user))
        {
            return PasswordHash.Verify(password, user.PasswordHash!) ? user : null;
        }

        PasswordHash.Verify(password, DummyHash.Value);
        return null;
    }

    /// <summary>The client that holds this token, or null.</summary>
    public (string Name, string Role)? CheckToken(string token)
    {
        var digest = Digest(token);
        (string, string)? found = null;
        foreach (var (hash, name, role) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, digest))
            {
                found = (name, role);
            }
        }

        return found;
    }

    private static byte[] Digest(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static readonly Lazy<string> DummyHash = new(() => PasswordHash.Create(Guid.NewGuid().ToString()));
}
