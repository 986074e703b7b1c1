namespace CampWater.Dashboard.Api;

/// <summary>The id rule of the registry: 1–64 of a-z 0-9 - _.</summary>
internal static class Ids
{
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!(c is >= 'a' and <= 'z' || c is >= '0' and <= '9' || c is '-' or '_'))
            {
                return false;
            }
        }

        return true;
    }
}
