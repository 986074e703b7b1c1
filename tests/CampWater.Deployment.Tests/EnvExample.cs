using CampWater.Testing;

namespace CampWater.Deployment;

/// <summary>.env.example at the repository root: the variables an operator sets for docker-compose.yml.</summary>
public static class EnvExample
{
    public static string DefaultPath => Path.Combine(RepoPaths.Root, ".env.example");

    /// <summary>Name → value as written (empty for the secrets the operator must fill in).</summary>
    public static IReadOnlyDictionary<string, string> Load(string? path = null)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(path ?? DefaultPath))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InvalidDataException($".env.example: '{raw}' is not NAME=value.");
            }

            result[line[..equals]] = line[(equals + 1)..].Trim('\'', '"');
        }

        return result;
    }

    /// <summary>The file with every empty value filled in with a made-up secret, as an operator's .env would be.</summary>
    public static IReadOnlyDictionary<string, string> Filled(string? path = null) =>
        Load(path).ToDictionary(
            entry => entry.Key,
            entry => entry.Value.Length > 0 ? entry.Value : "test" + entry.Key.ToLowerInvariant().Replace('_', '0') + "x9",
            StringComparer.Ordinal);
}
