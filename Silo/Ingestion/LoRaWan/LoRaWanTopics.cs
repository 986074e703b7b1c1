namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>The uplink topics of the network servers, as subscription filters and as topics to publish on.</summary>
public static class LoRaWanTopics
{
    public const string ChirpStackFilter = "application/+/device/+/event/up";

    public const string ThingsStackFilter = "v3/+/devices/+/up";

    public static IReadOnlyList<string> Filters { get; } = [ChirpStackFilter, ThingsStackFilter];

    public static string ChirpStack(string applicationId, string devEui) =>
        $"application/{applicationId}/device/{devEui.ToLowerInvariant()}/event/up";

    public static string ThingsStack(string applicationId, string deviceId) => $"v3/{applicationId}/devices/{deviceId}/up";

    /// <summary>Which network server's uplink topic this is; false for any other topic, including their other events.</summary>
    public static bool TryClassify(string topic, out LoRaWanNetwork network)
    {
        network = default;
        if (topic is null)
        {
            return false;
        }

        var span = topic.AsSpan();
        Span<Range> parts = stackalloc Range[8];
        var count = span.Split(parts, '/');
        if (count == 6 && span[parts[0]].SequenceEqual("application") && span[parts[2]].SequenceEqual("device")
            && span[parts[4]].SequenceEqual("event") && span[parts[5]].SequenceEqual("up")
            && !span[parts[1]].IsEmpty && !span[parts[3]].IsEmpty)
        {
            network = LoRaWanNetwork.ChirpStack;
            return true;
        }

        if (count == 5 && span[parts[0]].SequenceEqual("v3") && span[parts[2]].SequenceEqual("devices")
            && span[parts[4]].SequenceEqual("up") && !span[parts[1]].IsEmpty && !span[parts[3]].IsEmpty)
        {
            network = LoRaWanNetwork.ThingsStack;
            return true;
        }

        return false;
    }
}
