using System.Text.RegularExpressions;
using CampWater.Testing;
using YamlDotNet.RepresentationModel;

namespace CampWater.Deployment;

/// <summary>docker-compose.yml at the repository root, parsed as YAML (the way Compose reads it).</summary>
public sealed partial class ComposeFile
{
    private ComposeFile(string path, string text, YamlMappingNode root)
    {
        Path = path;
        Text = text;
        Root = root;
        var services = root.Children.TryGetValue(new YamlScalarNode("services"), out var node) && node is YamlMappingNode map
            ? map
            : throw new InvalidDataException($"{path} has no 'services' mapping.");
        Services = services.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!,
            entry => new ComposeService(((YamlScalarNode)entry.Key).Value!, (YamlMappingNode)entry.Value),
            StringComparer.Ordinal);
    }

    public static string DefaultPath => System.IO.Path.Combine(RepoPaths.Root, "docker-compose.yml");

    public string Path { get; }

    public string Text { get; }

    public YamlMappingNode Root { get; }

    public IReadOnlyDictionary<string, ComposeService> Services { get; }

    /// <summary>Parses the file; throws YamlDotNet's exception (with line and column) when it is not YAML.</summary>
    public static ComposeFile Load(string? path = null)
    {
        path ??= DefaultPath;
        var text = File.ReadAllText(path);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new InvalidDataException($"{path} is not one YAML document with a mapping at its root.");
        }

        return new ComposeFile(path, text, root);
    }

    public ComposeService Service(string name) =>
        Services.TryGetValue(name, out var service)
            ? service
            : throw new KeyNotFoundException($"docker-compose.yml has no service '{name}'; it has: {string.Join(", ", Services.Keys)}.");

    /// <summary>
    /// The variables that Compose substitutes (<c>${NAME}</c>, <c>${NAME:-default}</c>,
    /// <c>${NAME:?message}</c>); <c>$$</c> is a literal dollar sign, not a variable.
    /// </summary>
    public IReadOnlyList<ComposeVariable> Variables() =>
        [.. VariablePattern().Matches(Text)
            .Where(m => !IsEscaped(m.Index))
            .Select(m => new ComposeVariable(m.Groups["name"].Value, Required: m.Groups["op"].Value.EndsWith('?')))];

    private bool IsEscaped(int index)
    {
        var dollars = 0;
        for (var i = index - 1; i >= 0 && Text[i] == '$'; i--)
        {
            dollars++;
        }

        return dollars % 2 == 1;
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?])[^}]*)?\}")]
    private static partial Regex VariablePattern();
}
