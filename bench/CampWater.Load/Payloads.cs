using System.Globalization;
using System.Text;

namespace CampWater.Load;

/// <summary>Topics and payloads of one reading in each <see cref="PayloadFormat"/>.</summary>
public static class Payloads
{
    public const string ApplicationId = "campwater-load";

    public static string Topic(PayloadFormat format, FleetTank tank) => format switch
    {
        PayloadFormat.ChirpStack => $"application/{ApplicationId}/device/{tank.DevEui.ToLowerInvariant()}/event/up",
        PayloadFormat.TheThingsStack => $"v3/{ApplicationId}/devices/{tank.TankId}/up",
        _ => $"campwater/{tank.CampId}/tanks/{tank.TankId}/level",
    };

    /// <summary>
    /// A reading taken at <paramref name="ts"/>, written with all seven fractional digits so that the time of
    /// publishing survives into the tank's state (the benchmark measures latency from it).
    /// </summary>
    public static byte[] Reading(PayloadFormat format, FleetTank tank, DateTimeOffset ts, double distanceMm, long seq)
    {
        var time = ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var distance = distanceMm.ToString("0", CultureInfo.InvariantCulture);
        var text = format switch
        {
            PayloadFormat.ChirpStack =>
                $$$"""{"time":"{{{time}}}","deviceInfo":{"applicationId":"{{{ApplicationId}}}","devEui":"{{{tank.DevEui.ToLowerInvariant()}}}","deviceName":"{{{tank.TankId}}}"},"fCnt":{{{seq}}},"object":{"distance":{{{distance}}},"battery":3.6}}""",
            PayloadFormat.TheThingsStack =>
                $$$"""{"end_device_ids":{"device_id":"{{{tank.TankId}}}","application_ids":{"application_id":"{{{ApplicationId}}}"},"dev_eui":"{{{tank.DevEui}}}"},"received_at":"{{{time}}}","uplink_message":{"f_cnt":{{{seq}}},"decoded_payload":{"distance":{{{distance}}},"battery":3.6},"received_at":"{{{time}}}"}}""",
            _ => $$$"""{"ts":"{{{time}}}","distanceMm":{{{distance}}},"batteryPct":87,"rssi":-97,"seq":{{{seq}}}}""",
        };
        return Encoding.UTF8.GetBytes(text);
    }

    public static PayloadFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "native" => PayloadFormat.Native,
        "chirpstack" => PayloadFormat.ChirpStack,
        "tts" or "thethingsstack" => PayloadFormat.TheThingsStack,
        _ => throw new ArgumentException($"unknown payload format '{text}' (native, chirpstack, tts)"),
    };
}
