namespace CampWater.Registry;

/// <summary>The registry's names of <see cref="WaterPointKind"/>.</summary>
public static class WaterPointKindNames
{
    public const string Choices = "'tapstand', 'handpump' or 'well'";

    public static string Of(WaterPointKind kind) =>
        kind switch
        {
            WaterPointKind.Tapstand => "tapstand",
            WaterPointKind.Handpump => "handpump",
            WaterPointKind.Well => "well",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a water point kind."),
        };

    public static bool TryParse(string? name, out WaterPointKind kind)
    {
        foreach (var candidate in Enum.GetValues<WaterPointKind>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
