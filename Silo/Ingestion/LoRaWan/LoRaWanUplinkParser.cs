using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CampWater.Readings;

namespace CampWater.Silo.Ingestion.LoRaWan;

/// <summary>
/// Reads the uplink events of ChirpStack v4 and The Things Stack v3 (docs/sensors.md) into readings. The network
/// server's envelope gives the device, the time and the radio figures; the decoded payload that the device's
/// codec produced gives the measurement: a distance (<c>distance</c>, <c>Distance</c> or <c>distanceMm</c>, in mm
/// or as a string with a unit), a battery figure (<c>battery</c>, <c>batteryLevel</c>, <c>batteryPct</c> in percent;
/// <c>Bat</c>, <c>BatV</c>, <c>batteryV</c> in volts; strings say their unit)
/// and, from Milesight's EM500-UDL, a <c>history</c> of stored distances. No exception leaves this class.
/// </summary>
public static class LoRaWanUplinkParser
{
    /// <summary>An envelope with many gateways' metadata, or a long stored history, is larger than a native reading.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    /// <summary>Unix times above this are taken as milliseconds; as seconds it would be the year 5138.</summary>
    private const double MillisecondsAbove = 1e11;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static UplinkParseResult Parse(LoRaWanNetwork network, in ReadOnlySequence<byte> payload, DateTimeOffset receivedAt)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            return Oversize(payload.Length);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, DocumentOptions);
        }
        catch (JsonException e)
        {
            return UplinkParseResult.Rejected(
                RejectReason.MalformedJson,
                string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}"));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return UplinkParseResult.Rejected(RejectReason.MalformedJson, "payload is not a JSON object");
            }

            var envelope = network == LoRaWanNetwork.ChirpStack ? ChirpStack(root) : ThingsStack(root);
            return envelope.Problem ?? Decode(envelope, receivedAt);
        }
    }

    public static UplinkParseResult Parse(LoRaWanNetwork network, ReadOnlyMemory<byte> payload, DateTimeOffset receivedAt) =>
        Parse(network, new ReadOnlySequence<byte>(payload), receivedAt);

    /// <summary>
    /// ChirpStack v4 (its JSON marshaling): <c>deviceInfo.devEui</c>, <c>time</c>, <c>fCnt</c>, <c>rxInfo[].rssi</c> and
    /// <c>.snr</c>, and the decoded payload in <c>object</c>.
    /// </summary>
    private static Envelope ChirpStack(JsonElement root)
    {
        var envelope = new Envelope { DecodedPath = "object" };
        if (!TryDevEui(root, "deviceInfo", "devEui", ref envelope))
        {
            return envelope;
        }

        if (!TryTime(root, "time", "time", ref envelope))
        {
            return envelope;
        }

        ReadFrame(root, "fCnt", "rxInfo", "object", "no 'object': the device profile has no payload codec", ref envelope);
        return envelope;
    }

    /// <summary>
    /// The Things Stack v3: <c>end_device_ids.dev_eui</c>, <c>uplink_message.received_at</c> (else <c>received_at</c>),
    /// <c>uplink_message.f_cnt</c>, <c>uplink_message.rx_metadata[].rssi</c> and <c>.snr</c>, and the decoded payload in
    /// <c>uplink_message.decoded_payload</c>.
    /// </summary>
    private static Envelope ThingsStack(JsonElement root)
    {
        var envelope = new Envelope { DecodedPath = "uplink_message.decoded_payload" };
        if (!TryDevEui(root, "end_device_ids", "dev_eui", ref envelope))
        {
            return envelope;
        }

        if (!Present(root, "uplink_message", out var uplink))
        {
            envelope.Problem = UplinkParseResult.Rejected(RejectReason.NoDecodedPayload, "no 'uplink_message'", envelope.DevEui);
            return envelope;
        }

        if (uplink.ValueKind != JsonValueKind.Object)
        {
            envelope.Problem = UplinkParseResult.Rejected(RejectReason.WrongType, "'uplink_message' must be an object", envelope.DevEui);
            return envelope;
        }

        if (!TryTime(uplink, "received_at", "uplink_message.received_at", ref envelope)
            || (envelope.Ts is null && !TryTime(root, "received_at", "received_at", ref envelope)))
        {
            return envelope;
        }

        ReadFrame(
            uplink, "f_cnt", "rx_metadata", "decoded_payload", "no 'uplink_message.decoded_payload': the device has no payload formatter", ref envelope);
        return envelope;
    }

    /// <summary>What both network servers' uplinks end with: the frame counter, the gateways' radio, the decoded payload.</summary>
    private static void ReadFrame(JsonElement frame, string counter, string radio, string decodedName, string noDecoded, ref Envelope envelope)
    {
        envelope.Seq = WholeNumber(frame, counter);
        if (Present(frame, radio, out var metadata))
        {
            BestRadio(metadata, ref envelope);
        }

        if (!Present(frame, decodedName, out var decoded))
        {
            envelope.Problem = UplinkParseResult.Rejected(RejectReason.NoDecodedPayload, noDecoded, envelope.DevEui);
            return;
        }

        envelope.Decoded = decoded;
    }

    private static UplinkParseResult Decode(in Envelope envelope, DateTimeOffset receivedAt)
    {
        var path = envelope.DecodedPath;
        var devEui = envelope.DevEui!;
        var decoded = envelope.Decoded;
        if (decoded.ValueKind != JsonValueKind.Object)
        {
            return UplinkParseResult.Rejected(RejectReason.WrongType, $"'{path}' must be an object", devEui);
        }

        double? distanceMm = null;
        var failed = false;
        string? distanceField = null;
        double? batteryPct = null, batteryV = null;
        JsonElement history = default;
        foreach (var property in decoded.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            string? problem = null;
            var reason = RejectReason.WrongType;
            if (property.NameEquals("distance") || property.NameEquals("Distance") || property.NameEquals("distanceMm"))
            {
                if (distanceField is not null)
                {
                    return UplinkParseResult.Rejected(
                        RejectReason.SeveralMeasurements, $"several measurements: '{path}.{distanceField}' and '{path}.{property.Name}'", devEui);
                }

                distanceField = property.Name;
                (reason, problem) = ReadLength(value, $"{path}.{property.Name}", out var mm, out failed);
                distanceMm = mm;
            }
            else if (property.NameEquals("battery") || property.NameEquals("batteryLevel") || property.NameEquals("batteryPct"))
            {
                (reason, problem) = ReadBattery(value, $"{path}.{property.Name}", numberIsVolts: false, ref batteryPct, ref batteryV);
            }
            else if (property.NameEquals("Bat") || property.NameEquals("BatV") || property.NameEquals("batteryV"))
            {
                // Dragino's codecs give the battery in volts; batteryV is the native payload's name.
                (reason, problem) = ReadBattery(value, $"{path}.{property.Name}", numberIsVolts: true, ref batteryPct, ref batteryV);
            }
            else if (property.NameEquals("history"))
            {
                history = value;
            }

            if (problem is not null)
            {
                return UplinkParseResult.Rejected(reason, problem, devEui);
            }
        }

        var readings = new List<TankReading>(1 + (history.ValueKind == JsonValueKind.Array ? history.GetArrayLength() : 0));
        if (history.ValueKind != JsonValueKind.Undefined)
        {
            var problem = ReadHistory(history, $"{path}.history", receivedAt, readings, devEui);
            if (problem is { } rejected)
            {
                return rejected;
            }
        }

        var ts = envelope.Ts ?? receivedAt;
        if (distanceMm is { } distance)
        {
            readings.Add(new TankReading(
                ts, failed ? MeasurementKind.SensorFailed : MeasurementKind.DistanceMm, distance, receivedAt, batteryPct, batteryV, envelope.Rssi, envelope.Snr, envelope.Seq));
        }

        if (readings.Count == 0)
        {
            return UplinkParseResult.Rejected(
                RejectReason.NoMeasurement, $"no measurement in '{path}': needs 'distance', 'Distance' or 'distanceMm', or a 'history'", devEui);
        }

        foreach (var reading in readings)
        {
            if (reading.Ts - receivedAt > NativePayloadParser.MaxFutureSkew)
            {
                return UplinkParseResult.Rejected(
                    RejectReason.FutureTimestamp,
                    string.Create(CultureInfo.InvariantCulture, $"a reading of {reading.Ts:O} is {(reading.Ts - receivedAt).TotalSeconds:0} s after receipt; at most {NativePayloadParser.MaxFutureSkew.TotalSeconds:0} s allowed"),
                    devEui);
            }
        }

        return UplinkParseResult.Accepted(new LoRaWanUplink(devEui, readings));
    }

    /// <summary>Stored readings, sorted oldest first (a codec lists them as the device sends them).</summary>
    private static UplinkParseResult? ReadHistory(JsonElement history, string path, DateTimeOffset receivedAt, List<TankReading> readings, string devEui)
    {
        if (history.ValueKind != JsonValueKind.Array)
        {
            return UplinkParseResult.Rejected(RejectReason.WrongType, $"'{path}' must be an array", devEui);
        }

        var index = 0;
        foreach (var entry in history.EnumerateArray())
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}[{index++}]");
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return UplinkParseResult.Rejected(RejectReason.WrongType, $"'{at}' must be an object", devEui);
            }

            if (!Present(entry, "timestamp", out var timestamp))
            {
                return UplinkParseResult.Rejected(RejectReason.WrongType, $"'{at}.timestamp' is missing", devEui);
            }

            if (!TryHistoryTime(timestamp, out var ts))
            {
                return UplinkParseResult.Rejected(RejectReason.WrongType, $"'{at}.timestamp' must be Unix seconds or an ISO-8601 time with an offset", devEui);
            }

            if (!Present(entry, "distance", out var distance))
            {
                return UplinkParseResult.Rejected(RejectReason.NoMeasurement, $"'{at}.distance' is missing", devEui);
            }

            var (reason, problem) = ReadLength(distance, $"{at}.distance", out var mm, out var failed);
            if (problem is not null)
            {
                return UplinkParseResult.Rejected(reason, problem, devEui);
            }

            readings.Add(new TankReading(ts, failed ? MeasurementKind.SensorFailed : MeasurementKind.DistanceMm, mm, receivedAt));
        }

        // A stable sort: codecs list stored readings in the order the device sent them, not always by time.
        var sorted = readings.OrderBy(r => r.Ts).ToArray();
        readings.Clear();
        readings.AddRange(sorted);
        return null;
    }

    private static bool TryHistoryTime(JsonElement timestamp, out DateTimeOffset ts)
    {
        ts = default;
        switch (timestamp.ValueKind)
        {
            case JsonValueKind.Number:
                if (!timestamp.TryGetDouble(out var unix) || !double.IsFinite(unix) || unix < 0 || unix > 253_402_300_799_999)
                {
                    return false;
                }

                ts = unix > MillisecondsAbove
                    ? DateTimeOffset.FromUnixTimeMilliseconds((long)unix)
                    : DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(unix * 1000));
                return true;
            case JsonValueKind.String:
                return TryIsoTime(timestamp.GetString()!, out ts);
            default:
                return false;
        }
    }

    /// <summary>
    /// A distance: a JSON number of millimetres, or a string with mm, cm or m; <paramref name="failed"/> when the
    /// codec wrote a probe failure in its place.
    /// </summary>
    private static (RejectReason Reason, string? Detail) ReadLength(JsonElement value, string path, out double mm, out bool failed)
    {
        mm = 0;
        failed = false;
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                return value.TryGetDouble(out mm) && double.IsFinite(mm)
                    ? (default, null)
                    : (RejectReason.NotFinite, $"'{path}' is beyond the range of a double");
            case JsonValueKind.String:
                var text = value.GetString()!;
                if (IsProbeFailure(text))
                {
                    // Dragino's codecs replace the distance with a text when the probe is missing or cannot read an
                    // echo. The sensor measured nothing: a fault for the tank, whatever its blind zone (a distance of 0
                    // would read as a full tank where no blind zone is configured).
                    failed = true;
                    return (default, null);
                }

                return UnitText.TryLengthMm(text, out mm, out var unit) switch
                {
                    UnitText.Outcome.Read => (default, null),
                    UnitText.Outcome.UnknownUnit => (RejectReason.BadUnit, $"'{path}' is in '{unit}'; CampWater reads mm, cm or m"),
                    UnitText.Outcome.NoUnit => (RejectReason.BadUnit, $"'{path}' is a string without a unit; write a number of mm, or add mm, cm or m"),
                    _ => (RejectReason.WrongType, $"'{path}' is not a number with a unit"),
                };
            default:
                return (RejectReason.WrongType, $"'{path}' must be a number of mm or a string with a unit");
        }
    }

    private static bool IsProbeFailure(string text) =>
        text.Equals("No Sensor", StringComparison.OrdinalIgnoreCase) || text.Equals("Invalid Reading", StringComparison.OrdinalIgnoreCase);

    private static (RejectReason Reason, string? Detail) ReadBattery(JsonElement value, string path, bool numberIsVolts, ref double? percent, ref double? volts)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
                {
                    return (RejectReason.NotFinite, $"'{path}' is beyond the range of a double");
                }

                if (numberIsVolts)
                {
                    volts = number;
                }
                else
                {
                    percent = number;
                }

                return (default, null);
            case JsonValueKind.String:
                switch (UnitText.TryBattery(value.GetString()!, out var v, out var p, out var unit))
                {
                    case UnitText.Outcome.Read:
                        volts = v ?? volts;
                        percent = p ?? percent;
                        return (default, null);
                    case UnitText.Outcome.UnknownUnit:
                        return (RejectReason.BadUnit, $"'{path}' is in '{unit}'; CampWater reads V, mV or %");
                    case UnitText.Outcome.NoUnit:
                        return (RejectReason.BadUnit, $"'{path}' is a string without a unit; add V, mV or %");
                    default:
                        return (RejectReason.WrongType, $"'{path}' is not a number with a unit");
                }

            default:
                return (RejectReason.WrongType, $"'{path}' must be a number or a string with a unit");
        }
    }

    private static bool TryDevEui(JsonElement root, string holderName, string name, ref Envelope envelope)
    {
        var path = $"{holderName}.{name}";
        if (!Present(root, holderName, out var holder))
        {
            envelope.Problem = UplinkParseResult.Rejected(RejectReason.MissingDevice, $"no '{path}'");
            return false;
        }

        if (holder.ValueKind != JsonValueKind.Object)
        {
            envelope.Problem = UplinkParseResult.Rejected(RejectReason.WrongType, $"'{holderName}' must be an object");
            return false;
        }

        if (!Present(holder, name, out var value))
        {
            envelope.Problem = UplinkParseResult.Rejected(RejectReason.MissingDevice, $"no '{path}'");
            return false;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            envelope.Problem = UplinkParseResult.Rejected(RejectReason.WrongType, $"'{path}' must be a string of 16 hex digits");
            return false;
        }

        var text = value.GetString()!;
        if (text.Length == 0)
        {
            envelope.Problem = UplinkParseResult.Rejected(RejectReason.MissingDevice, $"'{path}' is empty");
            return false;
        }

        if (text.Length != 16 || !IsHex(text))
        {
            envelope.Problem = UplinkParseResult.Rejected(RejectReason.WrongType, $"'{path}' must be 16 hex digits");
            return false;
        }

        envelope.DevEui = text.ToUpperInvariant();
        return true;
    }

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads an optional time; false (with the problem set) only when it is there and unreadable.</summary>
    private static bool TryTime(JsonElement holder, string name, string path, ref Envelope envelope)
    {
        if (!Present(holder, name, out var value))
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String && TryIsoTime(value.GetString()!, out var ts))
        {
            envelope.Ts = ts;
            return true;
        }

        envelope.Problem = UplinkParseResult.Rejected(RejectReason.WrongType, $"'{path}' must be an ISO-8601 time with an offset", envelope.DevEui);
        return false;
    }

    /// <summary>ISO-8601 with an offset; network servers write nanoseconds, which are cut to the 100 ns of a DateTimeOffset.</summary>
    private static bool TryIsoTime(string text, out DateTimeOffset ts)
    {
        ts = default;
        var timeOfDay = text.IndexOfAny(['T', 't']);
        if (timeOfDay < 0 || text.AsSpan(timeOfDay + 1).IndexOfAny("Zz+-") < 0)
        {
            return false;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out ts);
    }

    /// <summary>The radio figures of the gateway that heard the device best; figures of the wrong type are passed over.</summary>
    private static void BestRadio(JsonElement gateways, ref Envelope envelope)
    {
        if (gateways.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var gateway in gateways.EnumerateArray())
        {
            if (gateway.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var rssi = Number(gateway, "rssi") ?? Number(gateway, "channel_rssi");
            if (rssi is not null && (envelope.Rssi is null || rssi > envelope.Rssi))
            {
                envelope.Rssi = rssi;
                envelope.Snr = Number(gateway, "snr");
            }
        }
    }

    private static double? Number(JsonElement holder, string name) =>
        holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : null;

    private static long? WholeNumber(JsonElement holder, string name) =>
        holder.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static bool Present(JsonElement holder, string name, out JsonElement value) =>
        holder.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static UplinkParseResult Oversize(long length) =>
        UplinkParseResult.Rejected(RejectReason.Oversize, string.Create(CultureInfo.InvariantCulture, $"uplink of {length} bytes is over {MaxPayloadBytes}"));

    private struct Envelope
    {
        public string DecodedPath;
        public string? DevEui;
        public DateTimeOffset? Ts;
        public double? Rssi;
        public double? Snr;
        public long? Seq;
        public JsonElement Decoded;
        public UplinkParseResult? Problem;
    }
}
