using System.Globalization;
using System.Text.Json;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Ingestion.LoRaWan;

namespace CampWater.Silo.Simulation;

/// <summary>
/// Writes a simulated reading as a sensor in the field would send it: the native payload, or the uplink event
/// that ChirpStack v4 or The Things Stack v3 publishes around the decoded payload of a Dragino LDDS75, a
/// Milesight EM500-UDL or a plain codec.
/// </summary>
public static class SensorMessageWriter
{
    /// <summary>The application id used on the uplink topics.</summary>
    public const string Application = "campwater";

    /// <summary>The codec a real device of this maker would carry, from the maker's OUI at the head of the devEui.</summary>
    public static SensorCodec CodecFor(string? devEui) =>
        devEui?.ToUpperInvariant() switch
        {
            { } eui when eui.StartsWith("A84041", StringComparison.Ordinal) => SensorCodec.Ldds75,
            { } eui when eui.StartsWith("24E124", StringComparison.Ordinal) => SensorCodec.Em500Udl,
            _ => SensorCodec.Plain,
        };

    public static SensorMessage Write(
        string campId, string tankId, string? devEui, SensorFormat format, SensorCodec codec, SimulatedReading reading,
        IReadOnlyList<SimulatedReading>? stored = null)
    {
        stored ??= [];
        switch (format)
        {
            case SensorFormat.Native:
                return new SensorMessage(campId, tankId, NativeTopic.For(campId, tankId), System.Text.Encoding.UTF8.GetBytes(reading.ToJson()));
            case SensorFormat.ChirpStack:
            {
                var eui = devEui ?? throw new ArgumentException("A LoRaWAN sensor needs a devEui.", nameof(devEui));
                return new SensorMessage(campId, tankId, LoRaWanTopics.ChirpStack(Application, eui), ChirpStack(campId, tankId, eui, codec, reading, stored));
            }

            default:
            {
                var eui = devEui ?? throw new ArgumentException("A LoRaWAN sensor needs a devEui.", nameof(devEui));
                var deviceId = $"{campId}-{tankId}".Replace('_', '-');
                return new SensorMessage(campId, tankId, LoRaWanTopics.ThingsStack(Application, deviceId), ThingsStack(deviceId, eui, codec, reading, stored));
            }
        }
    }

    private static byte[] ChirpStack(string campId, string tankId, string devEui, SensorCodec codec, SimulatedReading reading, IReadOnlyList<SimulatedReading> stored)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("deduplicationId", Guid(reading, devEui));
            json.WriteString("time", Iso(reading.Ts));
            json.WriteStartObject("deviceInfo");
            json.WriteString("tenantName", "CampWater");
            json.WriteString("applicationId", Application);
            json.WriteString("applicationName", Application);
            json.WriteString("deviceProfileName", codec.ToString());
            json.WriteString("deviceName", $"{campId}/{tankId}");
            json.WriteString("devEui", devEui.ToLowerInvariant());
            json.WriteEndObject();
            json.WriteNumber("fCnt", reading.Seq);
            json.WriteNumber("fPort", codec == SensorCodec.Em500Udl ? 85 : 2);
            json.WritePropertyName("object");
            Decoded(json, codec, reading, stored);
            json.WriteStartArray("rxInfo");
            json.WriteStartObject();
            json.WriteString("gatewayId", "0016c001f1500001");
            json.WriteNumber("rssi", reading.Rssi);
            json.WriteNumber("snr", reading.Snr);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] ThingsStack(string deviceId, string devEui, SensorCodec codec, SimulatedReading reading, IReadOnlyList<SimulatedReading> stored)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("end_device_ids");
            json.WriteString("device_id", deviceId);
            json.WriteStartObject("application_ids");
            json.WriteString("application_id", Application);
            json.WriteEndObject();
            json.WriteString("dev_eui", devEui.ToUpperInvariant());
            json.WriteEndObject();
            json.WriteString("received_at", Iso(reading.Ts));
            json.WriteStartObject("uplink_message");
            json.WriteNumber("f_port", codec == SensorCodec.Em500Udl ? 85 : 2);
            json.WriteNumber("f_cnt", reading.Seq);
            json.WritePropertyName("decoded_payload");
            Decoded(json, codec, reading, stored);
            json.WriteStartArray("rx_metadata");
            json.WriteStartObject();
            json.WriteStartObject("gateway_ids");
            json.WriteString("gateway_id", "campwater-gateway");
            json.WriteEndObject();
            json.WriteNumber("rssi", reading.Rssi);
            json.WriteNumber("channel_rssi", reading.Rssi);
            json.WriteNumber("snr", reading.Snr);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteString("received_at", Iso(reading.Ts));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Decoded(Utf8JsonWriter json, SensorCodec codec, SimulatedReading reading, IReadOnlyList<SimulatedReading> stored)
    {
        json.WriteStartObject();
        switch (codec)
        {
            case SensorCodec.Ldds75:
                json.WriteString("Bat", string.Create(CultureInfo.InvariantCulture, $"{reading.BatteryV:0.000} V"));
                json.WriteString("Distance", string.Create(CultureInfo.InvariantCulture, $"{reading.DistanceMm:0} mm"));
                json.WriteNumber("Interrupt_flag", 0);
                json.WriteNumber("Sensor_flag", 1);
                json.WriteString("TempC_DS18B20", "0.00");
                break;
            case SensorCodec.Em500Udl:
                json.WriteNumber("battery", reading.BatteryPct);
                json.WriteNumber("distance", reading.DistanceMm);
                if (stored.Count > 0)
                {
                    // As Milesight's codec gives them: Unix seconds and millimetres.
                    json.WriteStartArray("history");
                    foreach (var old in stored)
                    {
                        json.WriteStartObject();
                        json.WriteNumber("timestamp", old.Ts.ToUnixTimeSeconds());
                        json.WriteNumber("distance", old.DistanceMm);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }

                break;
            default:
                json.WriteNumber("distanceMm", reading.DistanceMm);
                json.WriteNumber("batteryPct", reading.BatteryPct);
                break;
        }

        json.WriteEndObject();
    }

    private static string Iso(DateTimeOffset ts) => ts.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    // Deterministic, so that two runs with the same seed publish the same bytes.
    private static string Guid(SimulatedReading reading, string devEui) =>
        new Guid((int)StableHash(devEui), (short)(reading.Seq >> 16), (short)reading.Seq, BitConverter.GetBytes(reading.Ts.UtcTicks)).ToString();

    private static uint StableHash(string text)
    {
        var hash = 2166136261;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
