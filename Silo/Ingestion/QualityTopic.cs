using CampWater.Registry;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// The water quality topics of online sensors: <c>campwater/{campId}/tanks/{tankId}/quality</c> and
/// <c>campwater/{campId}/points/{pointId}/quality</c>.
/// </summary>
public static class QualityTopic
{
    private const string Prefix = "campwater/";
    private const string Suffix = "/quality";
    private const string Tanks = "/tanks/";
    private const string Points = "/points/";

    /// <summary>The filters that subscribe to every quality topic.</summary>
    public static readonly string[] Filters = ["campwater/+/tanks/+/quality", "campwater/+/points/+/quality"];

    public static string ForTank(string campId, string tankId) => $"{Prefix}{campId}{Tanks}{tankId}{Suffix}";

    public static string ForPoint(string campId, string pointId) => $"{Prefix}{campId}{Points}{pointId}{Suffix}";

    /// <summary>
    /// Reads the camp and the place (a tank or a point) from a topic. False for any other topic and for ids that
    /// break the registry's id rule, which also keeps a wildcard or an extra level from passing for an id.
    /// </summary>
    public static bool TryParse(string topic, out string campId, out string? tankId, out string? pointId)
    {
        campId = "";
        tankId = null;
        pointId = null;
        if (topic is null || !topic.StartsWith(Prefix, StringComparison.Ordinal) || !topic.EndsWith(Suffix, StringComparison.Ordinal)
            || topic.Length < Prefix.Length + Suffix.Length)
        {
            return false;
        }

        var ids = topic.AsSpan(Prefix.Length, topic.Length - Prefix.Length - Suffix.Length);
        var isTank = true;
        var middle = ids.IndexOf(Tanks, StringComparison.Ordinal);
        var middleLength = Tanks.Length;
        if (middle < 0)
        {
            isTank = false;
            middle = ids.IndexOf(Points, StringComparison.Ordinal);
            middleLength = Points.Length;
        }

        if (middle < 0)
        {
            return false;
        }

        var camp = ids[..middle];
        var place = ids[(middle + middleLength)..];
        if (!RegistryId.IsValid(camp) || !RegistryId.IsValid(place))
        {
            return false;
        }

        campId = camp.ToString();
        if (isTank)
        {
            tankId = place.ToString();
        }
        else
        {
            pointId = place.ToString();
        }

        return true;
    }
}
