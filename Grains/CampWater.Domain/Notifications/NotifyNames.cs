using System.Text.Json;
using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>The names alert kinds, severities, events and channel kinds have in configuration and texts (kebab case).</summary>
public static class NotifyNames
{
    public static string Of(AlertKind kind) => Kebab(kind.ToString());

    public static string Of(AlertSeverity severity) => Kebab(severity.ToString());

    public static string Of(NotifyEvent notifyEvent) => Kebab(notifyEvent.ToString());

    public static string Of(ChannelKind kind) => Kebab(kind.ToString());

    public static string Of(DeliveryStatus status) => Kebab(status.ToString());

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Kebab(candidate.ToString()), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => Kebab(v.ToString()));

    private static string Kebab(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);
}
