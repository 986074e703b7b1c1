using System.Buffers;
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
    public const int MaxPayloadBytes = PayloadRules.MaxPayloadBytes;

    public static readonly TimeSpan MaxFutureSkew = PayloadRules.MaxFutureSkew;

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
        return PayloadRules.BrokeOnNonFinite(utf8Json, valueStart) ? NotFinite(field) : result;
    }

    public static PayloadParseResult Parse(in ReadOnlySequence<byte> utf8Json, DateTimeOffset receivedAt) =>
        PayloadRules.Joined(utf8Json, receivedAt, Parse, Oversize);

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
            return Rejected(RejectReason.MalformedJson, PayloadRules.MalformedDetail(e));
        }

        if (measurement == Field.None)
        {
            return Rejected(RejectReason.NoMeasurement, "no measurement: needs one of 'distanceMm', 'levelMm', 'levelPct', 'volumeL'");
        }

        var time = ts ?? receivedAt;
        if (PayloadRules.FutureDetail(time, receivedAt) is { } future)
        {
            return Rejected(RejectReason.FutureTimestamp, future);
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

    private static PayloadParseResult? ReadTs(ref Utf8JsonReader reader, out DateTimeOffset ts) =>
        PayloadRules.ReadTs(ref reader, out ts, out var what) is { } reason ? Rejected(reason, $"'ts' {what}") : null;

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
            ? "a number " + PayloadRules.NonFinite
            : $"'{NameOf(field)}' {PayloadRules.NonFinite}");

    private static PayloadParseResult Oversize(long length) => Rejected(RejectReason.Oversize, PayloadRules.OversizeDetail(length));
}
