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
        var result = Read(ref reader, receivedAt, tankId, pointId, out var valueStart, out var field);
        return PayloadRules.BrokeOnNonFinite(utf8Json, valueStart) ? NotFinite(field) : result;
    }

    private static QualityParseResult Read(
        ref Utf8JsonReader reader, DateTimeOffset receivedAt, string? tankId, string? pointId, out long valueStart, out Field field)
    {
        valueStart = -1;
        field = Field.None;
        DateTimeOffset? ts = null;
        double? frc = null, turbidity = null, ph = null, ecoli = null;
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

                QualityParseResult? problem = null;
                switch (field)
                {
                    case Field.Ts:
                        problem = PayloadRules.ReadTs(ref reader, out var sent, out var what) is { } reason ? Rejected(reason, $"'ts' {what}") : null;
                        ts = sent;
                        break;
                    case Field.Frc:
                        problem = ReadFigure(ref reader, field, ref frc);
                        break;
                    case Field.Turbidity:
                        problem = ReadFigure(ref reader, field, ref turbidity);
                        break;
                    case Field.Ph:
                        problem = ReadFigure(ref reader, field, ref ph);
                        break;
                    case Field.Ecoli:
                        problem = ReadFigure(ref reader, field, ref ecoli);
                        break;
                    default:
                        // Unknown properties (battery, radio figures) are ignored, whatever they hold.
                        reader.Skip();
                        break;
                }

                if (problem is { } rejected)
                {
                    return rejected;
                }
            }

            field = Field.None;
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return Rejected(RejectReason.MalformedJson, PayloadRules.MalformedDetail(e));
        }

        if (frc is null && turbidity is null && ph is null && ecoli is null)
        {
            return Rejected(RejectReason.NoMeasurement, "no figure: needs at least one of 'frcMgL', 'turbidityNtu', 'ph', 'ecoliCfu'");
        }

        var time = (ts ?? receivedAt).ToUniversalTime();
        if (PayloadRules.FutureDetail(time, receivedAt) is { } future)
        {
            return Rejected(RejectReason.FutureTimestamp, future);
        }

        return QualityParseResult.Accepted(new QualityReading(time, tankId, pointId, frc, turbidity, ph, ecoli, QualitySource.Sensor, SensorActor));
    }

    private static Field Identify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("ts"u8) ? Field.Ts
        : reader.ValueTextEquals("frcMgL"u8) ? Field.Frc
        : reader.ValueTextEquals("turbidityNtu"u8) ? Field.Turbidity
        : reader.ValueTextEquals("ph"u8) ? Field.Ph
        : reader.ValueTextEquals("ecoliCfu"u8) ? Field.Ecoli
        : Field.Unknown;

    private static QualityParseResult? ReadFigure(ref Utf8JsonReader reader, Field field, ref double? target)
    {
        if (target is not null)
        {
            return Rejected(RejectReason.SeveralMeasurements, $"'{NameOf(field)}' is given twice");
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            return Rejected(RejectReason.WrongType, $"'{NameOf(field)}' must be a number");
        }

        if (!reader.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            return NotFinite(field);
        }

        if (QualityRanges.Problem(NameOf(field), value) is { } outside)
        {
            return Rejected(RejectReason.OutOfRange, string.Create(CultureInfo.InvariantCulture, $"'{NameOf(field)}' {value} {outside}"));
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

    private static QualityParseResult Rejected(RejectReason reason, string detail) => QualityParseResult.Rejected(reason, detail);

    private static QualityParseResult NotFinite(Field field) =>
        Rejected(RejectReason.NotFinite, field is Field.Unknown or Field.None ? "a number " + PayloadRules.NonFinite : $"'{NameOf(field)}' {PayloadRules.NonFinite}");

    private static QualityParseResult Oversize(long length) => Rejected(RejectReason.Oversize, PayloadRules.OversizeDetail(length));
}
