using CampWater.Registry;

namespace CampWater.Silo.Ingestion;

/// <summary>The topic of a tank's inflow meter: <c>campwater/{campId}/tanks/{tankId}/inflow</c>.</summary>
public static class InflowTopic
{
    public const string Filter = "campwater/+/tanks/+/inflow";

    private const string Prefix = "campwater/";
    private const string Tanks = "/tanks/";
    private const string Suffix = "/inflow";

    public static string ForTank(string campId, string tankId) => $"{Prefix}{campId}{Tanks}{tankId}{Suffix}";

    /// <summary>The camp and tank of an inflow topic; false for any other topic and for ids that break the id rule.</summary>
    public static bool TryParse(string topic, out string campId, out string tankId)
    {
        campId = "";
        tankId = "";
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal) || !topic.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var ids = topic[Prefix.Length..^Suffix.Length];
        var middle = ids.IndexOf(Tanks, StringComparison.Ordinal);
        if (middle < 0)
        {
            return false;
        }

        campId = ids[..middle];
        tankId = ids[(middle + Tanks.Length)..];
        return RegistryId.IsValid(campId) && RegistryId.IsValid(tankId);
    }
}
