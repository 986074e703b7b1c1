using CampWater.Registry;

namespace CampWater.Silo.Ingestion;

/// <summary>The native reading topic of docs/sensors.md: <c>campwater/{campId}/tanks/{tankId}/level</c>.</summary>
public static class NativeTopic
{
    private const string Prefix = "campwater/";
    private const string Middle = "/tanks/";
    private const string Suffix = "/level";

    /// <summary>The filter that subscribes to every native reading topic.</summary>
    public const string Filter = "campwater/+/tanks/+/level";

    public static string For(string campId, string tankId) => $"{Prefix}{campId}{Middle}{tankId}{Suffix}";

    /// <summary>
    /// Reads the camp and tank ids from a topic. False for any other topic and for ids that break the registry's
    /// id rule, which also keeps a wildcard or an extra level from passing for an id.
    /// </summary>
    public static bool TryParse(string topic, out string campId, out string tankId)
    {
        campId = "";
        tankId = "";
        if (topic is null || topic.Length < Prefix.Length + Middle.Length + Suffix.Length + 2
            || !topic.StartsWith(Prefix, StringComparison.Ordinal)
            || !topic.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return false;
        }

        var ids = topic.AsSpan(Prefix.Length, topic.Length - Prefix.Length - Suffix.Length);
        var middle = ids.IndexOf(Middle, StringComparison.Ordinal);
        if (middle < 0)
        {
            return false;
        }

        var camp = ids[..middle];
        var tank = ids[(middle + Middle.Length)..];
        if (!RegistryId.IsValid(camp) || !RegistryId.IsValid(tank))
        {
            return false;
        }

        campId = camp.ToString();
        tankId = tank.ToString();
        return true;
    }
}
