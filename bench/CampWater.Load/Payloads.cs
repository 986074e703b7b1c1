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
        if (format == PayloadFormat.Native)
        {
            return Native(ts, distanceMm, seq);
        }

        var time = ts.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var distance = distanceMm.ToString("0", CultureInfo.InvariantCulture);
        var text = format switch
        {
            PayloadFormat.ChirpStack =>
                $$$"""{"time":"{{{time}}}","deviceInfo":{"applicationId":"{{{ApplicationId}}}","devEui":"{{{tank.DevEui.ToLowerInvariant()}}}","deviceName":"{{{tank.TankId}}}"},"fCnt":{{{seq}}},"object":{"distance":{{{distance}}},"battery":3.6}}""",
            PayloadFormat.TheThingsStack =>
                $$$"""{"end_device_ids":{"device_id":"{{{tank.TankId}}}","application_ids":{"application_id":"{{{ApplicationId}}}"},"dev_eui":"{{{tank.DevEui}}}"},"received_at":"{{{time}}}","uplink_message":{"f_cnt":{{{seq}}},"decoded_payload":{"distance":{{{distance}}},"battery":3.6},"received_at":"{{{time}}}"}}""",
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not a LoRaWAN format."),
        };
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>The native payload, written straight as UTF-8: the generator shares the CPU with what it measures.</summary>
    private static byte[] Native(DateTimeOffset ts, double distanceMm, long seq)
    {
        Span<byte> buffer = stackalloc byte[160];
        var written = 0;
        Append(buffer, ref written, "{\"ts\":\""u8);
        ts.UtcDateTime.TryFormat(buffer[written..], out var n, "O", CultureInfo.InvariantCulture);
        written += n;
        Append(buffer, ref written, "\",\"distanceMm\":"u8);
        Math.Round(distanceMm).TryFormat(buffer[written..], out n, "0", CultureInfo.InvariantCulture);
        written += n;
        Append(buffer, ref written, ",\"batteryPct\":87,\"rssi\":-97,\"seq\":"u8);
        seq.TryFormat(buffer[written..], out n, default, CultureInfo.InvariantCulture);
        written += n;
        Append(buffer, ref written, "}"u8);
        return buffer[..written].ToArray();
    }

    private static void Append(Span<byte> buffer, ref int written, ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer[written..]);
        written += text.Length;
    }

    public static PayloadFormat ParseFormat(string text) => text.ToLowerInvariant() switch
    {
        "native" => PayloadFormat.Native,
        "chirpstack" => PayloadFormat.ChirpStack,
        "tts" or "thethingsstack" => PayloadFormat.TheThingsStack,
        _ => throw new ArgumentException($"unknown payload format '{text}' (native, chirpstack, tts)"),
    };
}
