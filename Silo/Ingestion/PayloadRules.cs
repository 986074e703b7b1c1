using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// What every native payload shares, a tank's level or a place's water quality: the size limit, the <c>ts</c>
/// field, the time limit, NaN and Infinity where JSON has no room for them, and the short detail of a broken
/// document. Allocation-free, like the parsers that use it.
/// </summary>
internal static class PayloadRules
{
    public const int MaxPayloadBytes = 4096;

    public static readonly TimeSpan MaxFutureSkew = TimeSpan.FromMinutes(5);

    // Unix milliseconds of 0001-01-01 and 9999-12-31T23:59:59.999, the range of a DateTimeOffset.
    private const long MinUnixMs = -62_135_596_800_000;
    private const long MaxUnixMs = 253_402_300_799_999;

    /// <summary>
    /// The one pass over a payload's object: each property identified and read by <paramref name="fields"/>,
    /// JSON null taken as absent (some encoders write every field of a struct), unknown properties skipped by
    /// the fields, and nothing but whitespace after the object. When the JSON breaks while a value is read,
    /// <paramref name="valueStart"/> is where that value begins and <paramref name="field"/> whose it is, so
    /// that the caller can tell a bare NaN or Infinity from other broken JSON.
    /// </summary>
    public static Rejection? ReadObject<TFields, TField>(ref Utf8JsonReader reader, ref TFields fields, out long valueStart, out TField field)
        where TFields : struct, IPayloadFields<TField>
        where TField : struct, Enum
    {
        valueStart = -1;
        field = default;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return new Rejection(RejectReason.MalformedJson, "payload is not a JSON object");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                field = fields.Identify(ref reader);
                valueStart = reader.BytesConsumed;
                reader.Read();
                valueStart = -1;
                if (reader.TokenType != JsonTokenType.Null && fields.Read(ref reader, field) is { } rejected)
                {
                    return rejected;
                }
            }

            // Whatever follows the object must be only whitespace; the reader throws on anything else.
            field = default;
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return new Rejection(RejectReason.MalformedJson, MalformedDetail(e));
        }

        return null;
    }

    /// <summary>A payload parser over one contiguous span.</summary>
    public delegate T SpanParser<out T>(ReadOnlySpan<byte> utf8Json, DateTimeOffset receivedAt);

    /// <summary>
    /// What may stand between the last good token and a value: a NaN or Infinity there is a non-finite
    /// number that the JSON grammar has no room for, not a broken document.
    /// </summary>
    public static ReadOnlySpan<byte> Separators => " \t\r\n:,"u8;

    public static bool IsNonFiniteLiteral(ReadOnlySpan<byte> value) =>
        value.StartsWith("NaN"u8) || value.StartsWith("Infinity"u8) || value.StartsWith("-Infinity"u8) || value.StartsWith("+Infinity"u8);

    /// <summary>Whether the value that the JSON broke on, at <paramref name="valueStart"/>, is a bare NaN or Infinity.</summary>
    public static bool BrokeOnNonFinite(ReadOnlySpan<byte> utf8Json, long valueStart) =>
        valueStart >= 0 && IsNonFiniteLiteral(utf8Json[(int)valueStart..].TrimStart(Separators));

    /// <summary>
    /// A payload in several segments, joined on the stack and read like any other: a <see cref="Utf8JsonReader"/>
    /// over several segments copies each token that straddles two of them to the heap.
    /// </summary>
    public static T Joined<T>(in ReadOnlySequence<byte> utf8Json, DateTimeOffset receivedAt, SpanParser<T> parse, Func<long, T> oversize)
    {
        if (utf8Json.IsSingleSegment)
        {
            return parse(utf8Json.FirstSpan, receivedAt);
        }

        if (utf8Json.Length > MaxPayloadBytes)
        {
            return oversize(utf8Json.Length);
        }

        Span<byte> joined = stackalloc byte[(int)utf8Json.Length];
        utf8Json.CopyTo(joined);
        return parse(joined, receivedAt);
    }

    public static string OversizeDetail(long length) =>
        string.Create(CultureInfo.InvariantCulture, $"payload of {length} bytes is over {MaxPayloadBytes}");

    public static string MalformedDetail(JsonException e) =>
        string.Create(CultureInfo.InvariantCulture, $"not valid JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}");

    /// <summary>Why a reading dated <paramref name="time"/> is refused as from the future; null when it is not.</summary>
    public static string? FutureDetail(DateTimeOffset time, DateTimeOffset receivedAt) =>
        time - receivedAt > MaxFutureSkew
            ? string.Create(CultureInfo.InvariantCulture, $"'ts' {time:O} is {(time - receivedAt).TotalSeconds:0} s after receipt; at most {MaxFutureSkew.TotalSeconds:0} s allowed")
            : null;

    /// <summary>
    /// Reads the <c>ts</c> value the reader is on: ISO-8601 with an offset, or whole Unix milliseconds. On a
    /// problem returns its reason and, in <paramref name="what"/>, what is wrong with the value.
    /// </summary>
    public static RejectReason? ReadTs(ref Utf8JsonReader reader, out DateTimeOffset ts, out string what)
    {
        ts = default;
        what = "";
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!reader.TryGetDateTimeOffset(out ts))
                {
                    what = "must be an ISO-8601 time with an offset or Unix milliseconds";
                    return RejectReason.WrongType;
                }

                // Without an offset the time would be read in the silo's own zone, which is no zone of any camp.
                if (HasOffset(ref reader))
                {
                    return null;
                }

                what = "has no UTC offset; add 'Z' or '+hh:mm'";
                return RejectReason.WrongType;

            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var unixMs))
                {
                    if (unixMs is < MinUnixMs or > MaxUnixMs)
                    {
                        what = "is out of the range of dates";
                        return RejectReason.WrongType;
                    }

                    ts = DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
                    return null;
                }

                if (reader.TryGetDouble(out var number) && double.IsFinite(number))
                {
                    what = "must be whole Unix milliseconds";
                    return RejectReason.WrongType;
                }

                what = NonFinite;
                return RejectReason.NotFinite;

            default:
                what = "must be an ISO-8601 time with an offset or Unix milliseconds";
                return RejectReason.WrongType;
        }
    }

    /// <summary>What a NaN, an Infinity or a number beyond a double's range is, in a rejection's detail.</summary>
    public const string NonFinite = "is NaN, Infinity or beyond the range of a double";

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
}
