using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CampWater.Readings;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// Reads the native reading payload of contract §2. Every sensor message passes through here, so a valid
/// reading allocates nothing but its <see cref="TankReading"/>: one forward pass of a
/// <see cref="Utf8JsonReader"/> over the bytes, property names compared as UTF-8, no strings. Anything wrong
/// is a rejection with a reason to count and a short detail to log; no exception leaves this class.
/// </summary>
public static class NativePayloadParser
{
    public const int MaxPayloadBytes = 4096;

    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    // Unix milliseconds of 0001-01-01 and 9999-12-31T23:59:59.999, the range of a DateTimeOffset.
    private const long MinUnixMs = -62_135_596_800_000;
    private const long MaxUnixMs = 253_402_300_799_999;

    // What may stand between the last good token and a value: a NaN or Infinity there is a non-finite
    // number that the JSON grammar has no room for, not a broken document.
    private static ReadOnlySpan<byte> Separators => " \t\r\n:,"u8;

    private enum Field
    {
        None,
        Unknown,
        Ts,
        DistanceMm,
        LevelMm,
        LevelPct,
        VolumeL,
        BatteryPct,
        BatteryV,
        Rssi,
        Snr,
        Seq,
    }

    public static PayloadParseResult Parse(ReadOnlySpan<byte> utf8Json, DateTimeOffset receivedAt)
    {
        if (utf8Json.Length > MaxPayloadBytes)
        {
            return Oversize(utf8Json.Length);
        }

        var reader = new Utf8JsonReader(utf8Json);
        var result = Read(ref reader, receivedAt, out var valueStart, out var field);
        return valueStart >= 0 && IsNonFiniteLiteral(utf8Json[(int)valueStart..].TrimStart(Separators))
            ? NotFinite(field)
            : result;
    }

    public static PayloadParseResult Parse(in ReadOnlySequence<byte> utf8Json, DateTimeOffset receivedAt)
    {
        if (utf8Json.IsSingleSegment)
        {
            return Parse(utf8Json.FirstSpan, receivedAt);
        }

        if (utf8Json.Length > MaxPayloadBytes)
        {
            return Oversize(utf8Json.Length);
        }

        // A Utf8JsonReader over several segments copies each token that straddles two of them to the heap;
        // a payload is small enough to join on the stack instead, and then it is read like any other.
        Span<byte> joined = stackalloc byte[(int)utf8Json.Length];
        utf8Json.CopyTo(joined);
        return Parse(joined, receivedAt);
    }

    /// <summary>
    /// The pass over the payload. When the JSON breaks while a value is read, <paramref name="valueStart"/> is
    /// where that value begins, so that the caller can tell a bare NaN or Infinity from other broken JSON.
    /// </summary>
    private static PayloadParseResult Read(ref Utf8JsonReader reader, DateTimeOffset receivedAt, out long valueStart, out Field field)
    {
        valueStart = -1;
        field = Field.None;
        DateTimeOffset? ts = null;
        var measurement = Field.None;
        var value = 0.0;
        double? batteryPct = null, batteryV = null, rssi = null, snr = null;
        long? seq = null;

        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return Rejected(RejectReason.MalformedJson, "payload is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                field = Identify(ref reader);
                valueStart = reader.BytesConsumed;
                reader.Read();
                valueStart = -1;

                // null is taken as absent: some encoders write every field of a struct.
                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                PayloadParseResult? problem = null;
                switch (field)
                {
                    case Field.Ts:
                        problem = ReadTs(ref reader, out var sent);
                        ts = sent;
                        break;
                    case Field.DistanceMm or Field.LevelMm or Field.LevelPct or Field.VolumeL:
                        if (measurement != Field.None)
                        {
                            return Rejected(RejectReason.SeveralMeasurements, $"several measurements: '{NameOf(measurement)}' and '{NameOf(field)}'");
                        }

                        measurement = field;
                        problem = ReadNumber(ref reader, field, out value);
                        break;
                    case Field.BatteryPct:
                        problem = ReadOptionalNumber(ref reader, field, ref batteryPct);
                        break;
                    case Field.BatteryV:
                        problem = ReadOptionalNumber(ref reader, field, ref batteryV);
                        break;
                    case Field.Rssi:
                        problem = ReadOptionalNumber(ref reader, field, ref rssi);
                        break;
                    case Field.Snr:
                        problem = ReadOptionalNumber(ref reader, field, ref snr);
                        break;
                    case Field.Seq:
                        problem = ReadSeq(ref reader, ref seq);
                        break;
                    default:
                        // Unknown properties are ignored, whatever they hold.
                        reader.Skip();
                        break;
                }

                if (problem is { } rejected)
                {
                    return rejected;
                }
            }

            // Whatever follows the object must be only whitespace; the reader throws on anything else.
            field = Field.None;
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return Rejected(
                RejectReason.MalformedJson,
                string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}"));
        }

        if (measurement == Field.None)
        {
            return Rejected(RejectReason.NoMeasurement, "no measurement: needs one of 'distanceMm', 'levelMm', 'levelPct', 'volumeL'");
        }

        var time = ts ?? receivedAt;
        if (time - receivedAt > MaxFutureSkew)
        {
            return Rejected(
                RejectReason.FutureTimestamp,
                string.Create(CultureInfo.InvariantCulture, $"'ts' {time:O} is {(time - receivedAt).TotalSeconds:0} s after receipt; at most {MaxFutureSkew.TotalSeconds:0} s allowed"));
        }

        return PayloadParseResult.Accepted(new TankReading(time, KindOf(measurement), value, receivedAt, batteryPct, batteryV, rssi, snr, seq));
    }

    // Compared as UTF-8 and in the order of how often they appear, so that no property name becomes a string.
    private static Field Identify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("ts"u8) ? Field.Ts
        : reader.ValueTextEquals("distanceMm"u8) ? Field.DistanceMm
        : reader.ValueTextEquals("levelMm"u8) ? Field.LevelMm
        : reader.ValueTextEquals("levelPct"u8) ? Field.LevelPct
        : reader.ValueTextEquals("volumeL"u8) ? Field.VolumeL
        : reader.ValueTextEquals("batteryPct"u8) ? Field.BatteryPct
        : reader.ValueTextEquals("batteryV"u8) ? Field.BatteryV
        : reader.ValueTextEquals("rssi"u8) ? Field.Rssi
        : reader.ValueTextEquals("snr"u8) ? Field.Snr
        : reader.ValueTextEquals("seq"u8) ? Field.Seq
        : Field.Unknown;

    private static PayloadParseResult? ReadNumber(ref Utf8JsonReader reader, Field field, out double value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(field, "must be a number");
        }

        // A number beyond the range of a double (1e400) reads as infinity.
        return reader.TryGetDouble(out value) && double.IsFinite(value) ? null : NotFinite(field);
    }

    private static PayloadParseResult? ReadOptionalNumber(ref Utf8JsonReader reader, Field field, ref double? target)
    {
        var problem = ReadNumber(ref reader, field, out var value);
        target = value;
        return problem;
    }

    private static PayloadParseResult? ReadSeq(ref Utf8JsonReader reader, ref long? seq)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(Field.Seq, "must be a number");
        }

        if (reader.TryGetInt64(out var whole))
        {
            seq = whole;
            return null;
        }

        return reader.TryGetDouble(out var number) && double.IsFinite(number)
            ? WrongType(Field.Seq, "must be a whole number")
            : NotFinite(Field.Seq);
    }

    private static PayloadParseResult? ReadTs(ref Utf8JsonReader reader, out DateTimeOffset ts)
    {
        ts = default;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!reader.TryGetDateTimeOffset(out ts))
                {
                    return WrongType(Field.Ts, "must be an ISO-8601 time with an offset or Unix milliseconds");
                }

                // Without an offset the time would be read in the silo's own zone, which is no zone of any camp.
                return HasOffset(ref reader) ? null : WrongType(Field.Ts, "has no UTC offset; add 'Z' or '+hh:mm'");

            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var unixMs))
                {
                    if (unixMs is < MinUnixMs or > MaxUnixMs)
                    {
                        return WrongType(Field.Ts, "is out of the range of dates");
                    }

                    ts = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
                    return null;
                }

                return reader.TryGetDouble(out var number) && double.IsFinite(number)
                    ? WrongType(Field.Ts, "must be whole Unix milliseconds")
                    : NotFinite(Field.Ts);

            default:
                return WrongType(Field.Ts, "must be an ISO-8601 time with an offset or Unix milliseconds");
        }
    }

    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        // The reader always reads one span here, so the value is a span; only an escaped one needs copying.
        Span<byte> buffer = stackalloc byte[64];
        scoped ReadOnlySpan<byte> text = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            if (text.Length > buffer.Length)
            {
                return false;
            }

            text = buffer[..reader.CopyString(buffer)];
        }

        // The offset is whatever follows the time of day: 'Z', or a sign; the date's own '-' come before the 'T'.
        var timeOfDay = text.IndexOfAny((byte)'T', (byte)'t');
        return timeOfDay >= 0 && text[(timeOfDay + 1)..].IndexOfAny("Zz+-"u8) >= 0;
    }

    private static bool IsNonFiniteLiteral(ReadOnlySpan<byte> value) =>
        value.StartsWith("NaN"u8) || value.StartsWith("Infinity"u8) || value.StartsWith("-Infinity"u8) || value.StartsWith("+Infinity"u8);

    private static MeasurementKind KindOf(Field measurement) =>
        measurement switch
        {
            Field.DistanceMm => MeasurementKind.DistanceMm,
            Field.LevelMm => MeasurementKind.LevelMm,
            Field.LevelPct => MeasurementKind.LevelPct,
            Field.VolumeL => MeasurementKind.VolumeL,
            _ => throw new ArgumentOutOfRangeException(nameof(measurement), measurement, "Not a measurement."),
        };

    private static string NameOf(Field field) =>
        field switch
        {
            Field.Ts => "ts",
            Field.DistanceMm => "distanceMm",
            Field.LevelMm => "levelMm",
            Field.LevelPct => "levelPct",
            Field.VolumeL => "volumeL",
            Field.BatteryPct => "batteryPct",
            Field.BatteryV => "batteryV",
            Field.Rssi => "rssi",
            Field.Snr => "snr",
            Field.Seq => "seq",
            _ => "an unknown field",
        };

    private static PayloadParseResult Rejected(RejectReason reason, string detail) => PayloadParseResult.Rejected(reason, detail);

    private static PayloadParseResult WrongType(Field field, string what) => Rejected(RejectReason.WrongType, $"'{NameOf(field)}' {what}");

    private static PayloadParseResult NotFinite(Field field) =>
        Rejected(RejectReason.NotFinite, field is Field.Unknown or Field.None
            ? "a number is NaN, Infinity or beyond the range of a double"
            : $"'{NameOf(field)}' is NaN, Infinity or beyond the range of a double");

    private static PayloadParseResult Oversize(long length) =>
        Rejected(RejectReason.Oversize, string.Create(CultureInfo.InvariantCulture, $"payload of {length} bytes is over {MaxPayloadBytes}"));
}
