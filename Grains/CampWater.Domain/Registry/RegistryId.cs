namespace CampWater.Registry;

/// <summary>
/// The id rule of the registry contract: 1 to 64 of <c>a-z 0-9 - _</c>. Ids appear in MQTT topics, URLs and
/// metric labels, so they are kept to characters that need no escaping in any of them.
/// </summary>
public static class RegistryId
{
    public const int MaxLength = 64;

    public const string Rule = "must be 1 to 64 characters of a-z, 0-9, '-' or '_'";

    public static bool IsValid(ReadOnlySpan<char> id)
    {
        if (id.IsEmpty || id.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
