namespace CampWater.Grains;

/// <summary>A tank grain is keyed by <c>{campId}/{tankId}</c>; ids never contain '/'.</summary>
public static class TankKey
{
    public static string Of(string campId, string tankId) => $"{campId}/{tankId}";

    public static (string CampId, string TankId) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1)
        {
            throw new ArgumentException($"'{key}' is not a tank key of the form campId/tankId.", nameof(key));
        }

        return (key[..slash], key[(slash + 1)..]);
    }
}
