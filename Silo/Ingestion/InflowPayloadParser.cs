using System.Buffers;
using System.Text.Json;
using CampWater.Readings;

namespace CampWater.Silo.Ingestion;

/// <summary>An inflow payload read into an <see cref="InflowReading"/>, or the reason it was refused with a short detail.</summary>
public readonly record struct InflowParseResult(InflowReading? Reading, RejectReason? Reason, string? Detail)
{
    public bool IsAccepted => Reading is not null;
}

/// <summary>
/// Reads the payload of an inflow meter: <c>{ "ts", "totalL" }</c>, the meter's running total in litres. The
/// rejections are those of level readings (docs/sensors.md), plus a negative total. No exception leaves this class.
/// </summary>
public static class InflowPayloadParser
{
    private enum Field
    {
        None,
        Unknown,
        Ts,
        Total,
    }

    public static InflowParseResult Parse(in ReadOnlySequence<byte> utf8Json, DateTimeOffset receivedAt) =>
        utf8Json.IsSingleSegment ? Parse(utf8Json.FirstSpan, receivedAt)
        : utf8Json.Length > PayloadRules.MaxPayloadBytes ? Refused(RejectReason.Oversize, PayloadRules.OversizeDetail(utf8Json.Length))
        : Parse(utf8Json.ToArray(), receivedAt);

    public static InflowParseResult Parse(ReadOnlySpan<byte> utf8Json, DateTimeOffset receivedAt)
    {
        if (utf8Json.Length > PayloadRules.MaxPayloadBytes)
        {
            return Refused(RejectReason.Oversize, PayloadRules.OversizeDetail(utf8Json.Length));
        }

        var reader = new Utf8JsonReader(utf8Json);
        var fields = new Fields();
        var rejected = PayloadRules.ReadObject<Fields, Field>(ref reader, ref fields, out var valueStart, out _);
        if (PayloadRules.BrokeOnNonFinite(utf8Json, valueStart))
        {
            rejected = new Rejection(RejectReason.NotFinite, "'totalL' " + PayloadRules.NonFinite);
        }

        return rejected is { } r ? Refused(r.Reason, r.Detail) : fields.Reading(receivedAt);
    }

    private static InflowParseResult Refused(RejectReason reason, string detail) => new(null, reason, detail);

    private struct Fields : IPayloadFields<Field>
    {
        private DateTimeOffset? _ts;
        private double? _total;

        public readonly Field Identify(ref Utf8JsonReader reader) =>
            reader.ValueTextEquals("ts"u8) ? Field.Ts : reader.ValueTextEquals("totalL"u8) ? Field.Total : Field.Unknown;

        public Rejection? Read(ref Utf8JsonReader reader, Field field)
        {
            switch (field)
            {
                case Field.Ts:
                    var reason = PayloadRules.ReadTs(ref reader, out var sent, out var what);
                    _ts = sent;
                    return reason is { } r ? new Rejection(r, $"'ts' {what}") : null;
                case Field.Total:
                    if (_total is not null)
                    {
                        return new Rejection(RejectReason.SeveralMeasurements, "'totalL' is given twice");
                    }

                    if (reader.TokenType != JsonTokenType.Number)
                    {
                        return new Rejection(RejectReason.WrongType, "'totalL' must be a number");
                    }

                    if (!reader.TryGetDouble(out var total) || !double.IsFinite(total))
                    {
                        return new Rejection(RejectReason.NotFinite, "'totalL' " + PayloadRules.NonFinite);
                    }

                    if (total < 0)
                    {
                        return new Rejection(RejectReason.OutOfRange, "'totalL' must be at least 0");
                    }

                    _total = total;
                    return null;
                default:
                    reader.Skip();
                    return null;
            }
        }

        public readonly InflowParseResult Reading(DateTimeOffset receivedAt)
        {
            if (_total is not { } total)
            {
                return Refused(RejectReason.NoMeasurement, "no 'totalL': the meter's running total in litres");
            }

            var time = (_ts ?? receivedAt).ToUniversalTime();
            return PayloadRules.FutureDetail(time, receivedAt) is { } future
                ? Refused(RejectReason.FutureTimestamp, future)
                : new InflowParseResult(new InflowReading(time, total, receivedAt), null, null);
        }
    }
}
