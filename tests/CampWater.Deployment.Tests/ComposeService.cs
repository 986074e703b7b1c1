using YamlDotNet.RepresentationModel;

namespace CampWater.Deployment;

/// <summary>One service of docker-compose.yml.</summary>
public sealed class ComposeService(string name, YamlMappingNode node)
{
    public string Name { get; } = name;

    public YamlMappingNode Node { get; } = node;

    /// <summary>Its environment, from either the mapping or the list form (<c>- KEY=value</c>), as written (before substitution).</summary>
    public IReadOnlyDictionary<string, string> Environment
    {
        get
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            switch (Child("environment"))
            {
                case YamlMappingNode map:
                    foreach (var (key, value) in map.Children)
                    {
                        result[Scalar(key)] = value is YamlScalarNode scalar ? scalar.Value ?? "" : "";
                    }

                    break;
                case YamlSequenceNode list:
                    foreach (var item in list.Children)
                    {
                        var text = Scalar(item);
                        var equals = text.IndexOf('=', StringComparison.Ordinal);
                        result[equals < 0 ? text : text[..equals]] = equals < 0 ? "" : text[(equals + 1)..];
                    }

                    break;
            }

            return result;
        }
    }

    /// <summary>The health check's <c>test</c> as a list (a string test is Compose's CMD-SHELL form).</summary>
    public IReadOnlyList<string> HealthcheckTest =>
        (Child("healthcheck") as YamlMappingNode)?.Children.TryGetValue(new YamlScalarNode("test"), out var test) == true
            ? test switch
            {
                YamlSequenceNode list => [.. list.Children.Select(Scalar)],
                YamlScalarNode scalar => ["CMD-SHELL", scalar.Value ?? ""],
                _ => [],
            }
            : [];

    public IReadOnlyList<string> Ports => Strings("ports");

    public IReadOnlyList<string> Volumes => Strings("volumes");

    /// <summary>The command in list form, or the one string of the shell form.</summary>
    public IReadOnlyList<string> Command => Strings("command");

    public string? Value(string key) => Child(key) is YamlScalarNode scalar ? scalar.Value : null;

    public YamlNode? Child(string key) => Node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public override string ToString() => Name;

    private IReadOnlyList<string> Strings(string key) => Child(key) switch
    {
        YamlSequenceNode list => [.. list.Children.Select(Scalar)],
        YamlScalarNode scalar => [scalar.Value ?? ""],
        _ => [],
    };

    private static string Scalar(YamlNode node) =>
        node is YamlScalarNode scalar ? scalar.Value ?? "" : throw new InvalidDataException($"Expected a plain value at {node.Start}, found {node.NodeType}.");
}
