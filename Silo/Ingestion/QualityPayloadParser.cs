using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CampWater.Services;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// Reads the payload of an online water quality sensor: <c>{ "ts", "frcMgL"?, "turbidityNtu"?, "ph"?,
/// "ecoliCfu"? }</c> with at least one figure, each within its physical range. One forward pass of a
/// <see cref="Utf8JsonReader"/>, as for level readings; the rejections are those of level readings, plus a
/// figure out of its range. No exception leaves this class.
/// </summary>
public static class QualityPayloadParser
{
    /// <summary>Who recorded a sensor's test.</summary>
    public const string SensorActor = "sensor";

    private enum Field
    {
        None,
        Unknown,
        Ts,
        Frc,
        Turbidity,
        Ph,
        Ecoli,
    }

    public static QualityParseResult Parse(in ReadOnlySequence<byte> utf8Json, DateTimeOffset receivedAt, string? tankId, string? pointId)
    {
        // One segment in practice (a payload is small); the rare split one is copied once.
        if (!utf8Json.IsSingleSegment)
        {
            return utf8Json.Length > PayloadRules.MaxPayloadBytes
                ? Oversize(utf8Json.Length)
                : Parse(utf8Json.ToArray(), receivedAt, tankId, pointId);
        }

        return Parse(utf8Json.FirstSpan, receivedAt, tankId, pointId);
    }

    public static QualityParseResult Parse(ReadOnlySpan<byte> utf8Json, DateTimeOffset receivedAt, string? tankId, string? pointId)
    {
        if (utf8Json.Length > PayloadRules.MaxPayloadBytes)
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

        return rejected is { } r ? QualityParseResult.Rejected(r.Reason, r.Detail) : fields.Reading(receivedAt, tankId, pointId);
    }

    /// <summary>What the pass over the payload has read so far.</summary>
    private struct Fields : IPayloadFields<Field>
    {
        private DateTimeOffset? _ts;
        private double? _frc, _turbidity, _ph, _ecoli;

        public readonly Field Identify(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("ts"u8) ? Field.Ts
            : reader.ValueTextEquals("frcMgL"u8) ? Field.Frc
            : reader.ValueTextEquals("turbidityNtu"u8) ? Field.Turbidity
            : reader.ValueTextEquals("ph"u8) ? Field.Ph
            : reader.ValueTextEquals("ecoliCfu"u8) ? Field.Ecoli
            : Field.Unknown;

        public Rejection? Read(ref Utf8JsonReader reader, Field field)
        {
            switch (field)
            {
                case Field.Ts:
                    var reason = PayloadRules.ReadTs(ref reader, out var sent, out var what);
                    _ts = sent;
                    return reason is { } r ? new Rejection(r, $"'ts' {what}") : null;
                case Field.Frc:
                    return ReadFigure(ref reader, field, ref _frc);
                case Field.Turbidity:
                    return ReadFigure(ref reader, field, ref _turbidity);
                case Field.Ph:
                    return ReadFigure(ref reader, field, ref _ph);
                case Field.Ecoli:
                    return ReadFigure(ref reader, field, ref _ecoli);
                default:
                    // Unknown properties (battery, radio figures) are ignored, whatever they hold.
                    reader.Skip();
                    return null;
            }
        }

        /// <summary>The test, once the whole payload has been read without a problem.</summary>
        public readonly QualityParseResult Reading(DateTimeOffset receivedAt, string? tankId, string? pointId)
        {
            if (_frc is null && _turbidity is null && _ph is null && _ecoli is null)
            {
                return QualityParseResult.Rejected(RejectReason.NoMeasurement, "no figure: needs at least one of 'frcMgL', 'turbidityNtu', 'ph', 'ecoliCfu'");
            }

            var time = (_ts ?? receivedAt).ToUniversalTime();
            if (PayloadRules.FutureDetail(time, receivedAt) is { } future)
            {
                return QualityParseResult.Rejected(RejectReason.FutureTimestamp, future);
            }

            return QualityParseResult.Accepted(new QualityReading(time, tankId, pointId, _frc, _turbidity, _ph, _ecoli, QualitySource.Sensor, SensorActor));
        }
    }

    private static Rejection? ReadFigure(ref Utf8JsonReader reader, Field field, ref double? target)
    {
        if (target is not null)
        {
            return new Rejection(RejectReason.SeveralMeasurements, $"'{NameOf(field)}' is given twice");
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            return new Rejection(RejectReason.WrongType, $"'{NameOf(field)}' must be a number");
        }

        if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            return NotFinite(field);
        }

        if (QualityRanges.Problem(NameOf(field), value) is { } outside)
        {
            return new Rejection(RejectReason.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"'{NameOf(field)}' {value} {outside}"));
        }

        target = value;
        return null;
    }

    private static string NameOf(Field field) =>
        field switch
        {
            Field.Ts => "ts",
            Field.Frc => QualityRanges.FrcField,
            Field.Turbidity => QualityRanges.TurbidityField,
            Field.Ph => QualityRanges.PhField,
            Field.Ecoli => QualityRanges.EcoliField,
            _ => "an unknown field",
        };

    private static Rejection NotFinite(Field field) =>
        new(RejectReason.NotFinite, field is Field.Unknown or Field.None ? "a number " + PayloadRules.NonFinite : $"'{NameOf(field)}' {PayloadRules.NonFinite}");

    private static QualityParseResult Oversize(long length) => QualityParseResult.Rejected(RejectReason.Oversize, PayloadRules.OversizeDetail(length));
}
