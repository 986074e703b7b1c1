using System.Globalization;
using System.Text;

namespace CampWater.Silo.Archive;

/// <summary>
/// One point of the InfluxDB line protocol, written as InfluxDB.Client's <c>PointData</c> writes it
/// (same escaping, number formats and integer suffix) but in one pass: <c>PointData</c> copies its
/// sorted dictionaries on every field, which costs tens of microseconds inside a grain's turn. Tags and
/// fields must be given in key order. String values never hold a line break, so a spill file keeps
/// one point per line.
/// </summary>
internal sealed class LineProtocol
{
    private readonly StringBuilder _text = new(192);
    private bool _hasField;

    public LineProtocol(string measurement)
    {
        foreach (var c in measurement)
        {
            if (c is ',' or ' ')
            {
                _text.Append('\\');
            }

            AppendKeyChar(c);
        }
    }

    public LineProtocol Tag(string key, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        _text.Append(',');
        AppendKey(key);
        _text.Append('=');
        AppendKey(value);
        return this;
    }

    public LineProtocol Field(string key, double value)
    {
        if (double.IsFinite(value))
        {
            Raw(key).Append(value.ToString(CultureInfo.InvariantCulture));
        }

        return this;
    }

    public LineProtocol Field(string key, double? value) => value is { } v ? Field(key, v) : this;

    public LineProtocol Field(string key, long value)
    {
        Raw(key).Append(value.ToString(CultureInfo.InvariantCulture)).Append('i');
        return this;
    }

    public LineProtocol Field(string key, bool value)
    {
        Raw(key).Append(value ? "true" : "false");
        return this;
    }

    /// <summary>A missing verdict is a missing field: false would record a day as failed.</summary>
    public LineProtocol Field(string key, bool? value) => value is { } v ? Field(key, v) : this;

    public LineProtocol Field(string key, string? value)
    {
        if (value is null)
        {
            return this;
        }

        var text = Raw(key).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"' or '\\':
                    text.Append('\\').Append(c);
                    break;
                case '\n' or '\r':
                    text.Append(' ');
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

        text.Append('"');
        return this;
    }

    /// <summary>The line, timestamped in Unix milliseconds.</summary>
    public string At(DateTimeOffset time)
    {
        if (!_hasField)
        {
            throw new InvalidOperationException("A point needs at least one field.");
        }

        return _text.Append(' ').Append(time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private StringBuilder Raw(string key)
    {
        _text.Append(_hasField ? ',' : ' ');
        _hasField = true;
        AppendKey(key);
        return _text.Append('=');
    }

    private void AppendKey(string key)
    {
        foreach (var c in key)
        {
            if (c is ',' or '=' or ' ')
            {
                _text.Append('\\');
            }

            AppendKeyChar(c);
        }
    }

    private void AppendKeyChar(char c)
    {
        switch (c)
        {
            case '\n':
                _text.Append("\\n");
                break;
            case '\r':
                _text.Append("\\r");
                break;
            case '\t':
                _text.Append("\\t");
                break;
            default:
                _text.Append(c);
                break;
        }
    }
}
