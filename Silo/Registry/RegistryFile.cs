using CampWater.Registry;

namespace CampWater.Silo.Registry;

/// <summary>The registry file as read at start: every camp in it, valid as a whole, or the start stops.</summary>
public sealed class RegistryFile
{
    public const string ProductionDefault = "camps.json";
    public const string DevelopmentDefault = "camps.demo.json";

    private RegistryFile(string? path, IReadOnlyList<CampConfig> camps)
    {
        Path = path;
        Camps = camps;
    }

    /// <summary>The file read, or null when the default file does not exist and the registry starts empty.</summary>
    public string? Path { get; }

    public IReadOnlyList<CampConfig> Camps { get; }

    /// <summary>
    /// Reads and validates the registry. A configured file that is missing or invalid throws
    /// <see cref="RegistryFileException"/> naming camp, tank, field and reason; a missing default file
    /// gives an empty registry, so a new installation can be set up through the API.
    /// </summary>
    public static RegistryFile Load(string? configured, bool development)
    {
        var name = string.IsNullOrWhiteSpace(configured) ? (development ? DevelopmentDefault : ProductionDefault) : configured;
        var path = Resolve(name);
        if (path is null)
        {
            if (string.IsNullOrWhiteSpace(configured) && !development)
            {
                return new RegistryFile(null, []);
            }

            throw new RegistryFileException(
                $"The registry file '{name}' (CampWater:Registry) was not found in {Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; " +
                "a relative path is read from those two, so give the full path of a file elsewhere (\"$PWD/camps.json\").");
        }

        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (IOException e)
        {
            throw new RegistryFileException($"The registry file '{path}' could not be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            throw new RegistryFileException($"The registry file '{path}' could not be read: {e.Message}");
        }

        var result = RegistryReader.ReadFile(json);
        if (!result.IsValid)
        {
            throw new RegistryFileException(
                $"The registry file '{path}' is invalid; nothing of it was applied:{Environment.NewLine}  " +
                string.Join(Environment.NewLine + "  ", result.Problems.Select(p => p.Message)));
        }

        return new RegistryFile(path, result.Value!);
    }

    private static string? Resolve(string name)
    {
        if (System.IO.Path.IsPathRooted(name))
        {
            return File.Exists(name) ? name : null;
        }

        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(root, name));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
