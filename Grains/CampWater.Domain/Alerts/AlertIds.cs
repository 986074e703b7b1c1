using System.Globalization;

namespace CampWater.Alerts;

/// <summary>
/// Alert ids name their owner: <c>{campId}.{tankId}.{n}</c> for a tank's alert, <c>{campId}.{n}</c> for a
/// camp's, n counting up per camp. Registry ids never hold a '.', so an id alone leads to the grain
/// that keeps the alert.
/// </summary>
public static class AlertIds
{
    public const char Separator = '.';

    public static string For(string campId, string? tankId, long n)
    {
        ArgumentException.ThrowIfNullOrEmpty(campId);
        if (campId.Contains(Separator, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A camp id in an alert id must not contain '{Separator}': '{campId}'.", nameof(campId));
        }

        if (tankId is not null && (tankId.Length == 0 || tankId.Contains(Separator, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"A tank id in an alert id must be non-empty without '{Separator}': '{tankId}'.", nameof(tankId));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        var number = n.ToString(CultureInfo.InvariantCulture);
        return tankId is null ? $"{campId}{Separator}{number}" : $"{campId}{Separator}{tankId}{Separator}{number}";
    }

    /// <summary>Reads the owner back from an id; false for anything <see cref="For"/> could not have made.</summary>
    public static bool TryParse(string? id, out string campId, out string? tankId) => TryParse(id, out campId, out tankId, out _);

    public static bool TryParse(string? id, out string campId, out string? tankId, out long n)
    {
        campId = "";
        tankId = null;
        n = 0;
        if (string.IsNullOrEmpty(id))
        {
            return false;
        }

        var parts = id.Split(Separator);
        if (parts.Length is not (2 or 3)
            || Array.Exists(parts, p => p.Length == 0)
            || !long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number <= 0)
        {
            return false;
        }

        campId = parts[0];
        tankId = parts.Length == 3 ? parts[1] : null;
        n = number;
        return true;
    }
}
