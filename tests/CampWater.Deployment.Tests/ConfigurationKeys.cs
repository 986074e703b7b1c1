using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using CampWater.Silo.Hosting;

namespace CampWater.Deployment;

/// <summary>
/// The configuration keys that mean something to CampWater: those the contract names, and those the
/// host's options classes bind. An array index is written <c>{i}</c>.
/// </summary>
public static partial class ConfigurationKeys
{
    /// <summary>The keys of ../shared/CONTRACT.md §7 ("These keys are part of the contract"), as listed there.</summary>
    public static IReadOnlyList<string> Contract { get; } =
    [
        "Urls",
        "CampWater:Registry",
        "CampWater:Simulation:Enabled",
        "CampWater:Mqtt:Host",
        "CampWater:Mqtt:Port",
        "CampWater:Mqtt:Username",
        "CampWater:Mqtt:Password",
        "CampWater:Mqtt:UseTls",
        "CampWater:Mqtt:Embedded:Port",
        "CampWater:Storage:Provider",
        "CampWater:Redis:ConnectionString",
        "CampWater:Archive:Provider",
        "CampWater:Archive:InfluxDb:Url",
        "CampWater:Archive:InfluxDb:Token",
        "CampWater:Archive:InfluxDb:Org",
        "CampWater:Archive:InfluxDb:Bucket",
        "CampWater:Auth:Enabled",
        "CampWater:Auth:Users:{i}:Name",
        "CampWater:Auth:Users:{i}:Role",
        "CampWater:Auth:Users:{i}:PasswordHash",
        "CampWater:Auth:Tokens:{i}:Name",
        "CampWater:Auth:Tokens:{i}:Role",
        "CampWater:Auth:Tokens:{i}:Token",
    ];

    /// <summary>Every key that binding <see cref="CampWaterOptions"/> reads, found by reflection, so it follows the code.</summary>
    public static IReadOnlyList<string> BoundByOptions() =>
        [.. Walk(typeof(CampWaterOptions), CampWaterOptions.Section, depth: 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];

    /// <summary>The contract's keys and the bound ones.</summary>
    public static IReadOnlySet<string> Known() =>
        new HashSet<string>(Contract.Concat(BoundByOptions()), StringComparer.OrdinalIgnoreCase);

    /// <summary><c>CampWater__Auth__Users__0__Name</c> → <c>CampWater:Auth:Users:{i}:Name</c>.</summary>
    public static string FromEnvironmentName(string name) =>
        string.Join(':', name.Split("__").Select(part => IndexPattern().IsMatch(part) ? "{i}" : part));

    private static IEnumerable<string> Walk(Type type, string prefix, int depth)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"The options under {prefix} nest too deeply; is there a cycle?");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // The binder sets writable properties; read-only ones are derived (MqttOptions.IsEmbedded).
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            var key = prefix + ":" + property.Name;
            foreach (var found in KeysOf(property.PropertyType, key, depth))
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<string> KeysOf(Type type, string key, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (IsLeaf(type))
        {
            return [key];
        }

        if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var element = type.IsArray
                ? type.GetElementType()!
                : type.GetInterfaces().Append(type)
                    .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                    ?.GetGenericArguments()[0] ?? typeof(object);
            return KeysOf(element, key + ":{i}", depth + 1);
        }

        return Walk(type, key, depth + 1);
    }

    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) ||
        type == typeof(DateTimeOffset) || type == typeof(DateTime) || type == typeof(Uri) || type == typeof(Guid);

    [GeneratedRegex(@"^[0-9]+$")]
    private static partial Regex IndexPattern();
}
