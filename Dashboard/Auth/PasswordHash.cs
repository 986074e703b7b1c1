using System.Globalization;
using System.Security.Cryptography;

namespace CampWater.Dashboard.Auth;

/// <summary>
/// Password hashes for <c>CampWater:Auth:Users:{i}:PasswordHash</c>: PBKDF2 with HMAC-SHA-256, a
/// 16-byte random salt and 600,000 iterations (OWASP's figure for this function), written so that it
/// describes itself: <c>pbkdf2-sha256$600000${salt base64}${hash base64}</c>. A hash made with other
/// iterations still verifies, so the figure can be raised later without locking anyone out.
/// </summary>
public static class PasswordHash
{
    public const string Scheme = "pbkdf2-sha256";
    public const int DefaultIterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int MinIterations = 100_000;

    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Why <paramref name="encoded"/> is not a hash this class can verify, or null when it is.</summary>
    public static string? Problem(string? encoded)
    {
        if (string.IsNullOrWhiteSpace(encoded))
        {
            return "is missing (make one with: Silo hash-password)";
        }

        return TryParse(encoded, out _, out _, out _) ? null : $"is not a hash of the form {Scheme}$iterations$salt$hash (make one with: Silo hash-password)";
    }

    public static bool Verify(string password, string encoded)
    {
        if (!TryParse(encoded, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(password, salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static bool TryParse(string encoded, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = encoded.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < MinIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= 8 && hash.Length >= 16;
    }
}
