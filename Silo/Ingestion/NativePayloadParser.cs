using System.Buffers;
using System.Text.Json;
using CampWater.Readings;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// Reads the native reading payload of docs/sensors.md. Every sensor message passes through here, so a valid
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
        var fields = new Fields();
        var rejected = PayloadRules.ReadObject<Fields, Field>(ref reader, ref fields, out var valueStart, out var field);
        if (PayloadRules.BrokeOnNonFinite(utf8Json, valueStart))
        {
            rejected = NotFinite(field);
        }

        return rejected is { } r ? PayloadParseResult.Rejected(r.Reason, r.Detail) : fields.Reading(receivedAt);
    }

    public static PayloadParseResult Parse(in ReadOnlySequence<byte> utf8Json, DateTimeOffset receivedAt) =>
        PayloadRules.Joined(utf8Json, receivedAt, Parse, Oversize);

    /// <summary>What the pass over the payload has read so far.</summary>
    private struct Fields : IPayloadFields<Field>
    {
        private DateTimeOffset? _ts;
        private Field _measurement;
        private double _value;
        private double? _batteryPct, _batteryV, _rssi, _snr;
        private long? _seq;

        // Compared in the order of how often they appear.
        public readonly Field Identify(ref Utf8JsonReader reader) =>
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

        public Rejection? Read(ref Utf8JsonReader reader, Field field)
        {
            switch (field)
            {
                case Field.Ts:
                    var problem = ReadTs(ref reader, out var sent);
                    _ts = sent;
                    return problem;
                case Field.DistanceMm or Field.LevelMm or Field.LevelPct or Field.VolumeL:
                    if (_measurement != Field.None)
                    {
                        return new Rejection(RejectReason.SeveralMeasurements, $"several measurements: '{NameOf(_measurement)}' and '{NameOf(field)}'");
                    }

                    _measurement = field;
                    return ReadNumber(ref reader, field, out _value);
                case Field.BatteryPct:
                    return ReadOptionalNumber(ref reader, field, ref _batteryPct);
                case Field.BatteryV:
                    return ReadOptionalNumber(ref reader, field, ref _batteryV);
                case Field.Rssi:
                    return ReadOptionalNumber(ref reader, field, ref _rssi);
                case Field.Snr:
                    return ReadOptionalNumber(ref reader, field, ref _snr);
                case Field.Seq:
                    return ReadSeq(ref reader, ref _seq);
                default:
                    // Unknown properties are ignored, whatever they hold.
                    reader.Skip();
                    return null;
            }
        }

        /// <summary>The reading, once the whole payload has been read without a problem.</summary>
        public readonly PayloadParseResult Reading(DateTimeOffset receivedAt)
        {
            if (_measurement == Field.None)
            {
                return PayloadParseResult.Rejected(RejectReason.NoMeasurement, "no measurement: needs one of 'distanceMm', 'levelMm', 'levelPct', 'volumeL'");
            }

            var time = _ts ?? receivedAt;
            if (PayloadRules.FutureDetail(time, receivedAt) is { } future)
            {
                return PayloadParseResult.Rejected(RejectReason.FutureTimestamp, future);
            }

            return PayloadParseResult.Accepted(new TankReading(time, KindOf(_measurement), _value, receivedAt, _batteryPct, _batteryV, _rssi, _snr, _seq));
        }
    }

    private static Rejection? ReadNumber(ref Utf8JsonReader reader, Field field, out double value)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(field, "must be a number");
        }

        // A number beyond the range of a double (1e400) reads as infinity.
        return reader.TryGetDouble(out value) && double.IsFinite(value) ? null : NotFinite(field);
    }

    private static Rejection? ReadOptionalNumber(ref Utf8JsonReader reader, Field field, ref double? target)
    {
        var problem = ReadNumber(ref reader, field, out var value);
        target = value;
        return problem;
    }

    private static Rejection? ReadSeq(ref Utf8JsonReader reader, ref long? seq)
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

    private static Rejection? ReadTs(ref Utf8JsonReader reader, out DateTimeOffset ts) =>
        PayloadRules.ReadTs(ref reader, out ts, out var what) is { } reason ? new Rejection(reason, $"'ts' {what}") : null;

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

    private static Rejection WrongType(Field field, string what) => new(RejectReason.WrongType, $"'{NameOf(field)}' {what}");

    private static Rejection NotFinite(Field field) =>
        new(RejectReason.NotFinite, field is Field.Unknown or Field.None
            ? "a number " + PayloadRules.NonFinite
            : $"'{NameOf(field)}' {PayloadRules.NonFinite}");

    private static PayloadParseResult Oversize(long length) => PayloadParseResult.Rejected(RejectReason.Oversize, PayloadRules.OversizeDetail(length));
}
