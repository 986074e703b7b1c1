using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampWater.Alerts;

/// <summary>
/// The parts an alert's message is worded from (<c>{ "level": "6", "limit": "10" }</c>): figures in invariant
/// digits, names as given. Equal when the parts are, so an alert read back from storage equals the one
/// written; written as a JSON object.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.MessageArgs")]
[JsonConverter(typeof(MessageArgsJsonConverter))]
public sealed class MessageArgs(ImmutableSortedDictionary<string, string> parts) : IReadOnlyDictionary<string, string>, IEquatable<MessageArgs>
{
    [Id(0)]
    private readonly ImmutableSortedDictionary<string, string> _parts = parts;

    public static MessageArgs Of(IEnumerable<KeyValuePair<string, string>> parts) =>
        new(parts.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));

    public string this[string key] => _parts[key];

    public IEnumerable<string> Keys => _parts.Keys;

    public IEnumerable<string> Values => _parts.Values;

    public int Count => _parts.Count;

    public bool ContainsKey(string key) => _parts.ContainsKey(key);

    public bool TryGetValue(string key, out string value) => _parts.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _parts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(MessageArgs? other) =>
        other is not null && (ReferenceEquals(this, other) || (_parts.Count == other._parts.Count && _parts.All(p => other._parts.TryGetValue(p.Key, out var v) && v == p.Value)));

    public override bool Equals(object? obj) => Equals(obj as MessageArgs);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in _parts)
        {
            hash.Add(key);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => string.Join(", ", _parts.Select(p => $"{p.Key}={p.Value}"));
}

internal sealed class MessageArgsJsonConverter : JsonConverter<MessageArgs>
{
    public override MessageArgs? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(ref reader, options) is { } parts ? MessageArgs.Of(parts) : null;

    public override void Write(Utf8JsonWriter writer, MessageArgs value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, part) in value)
        {
            writer.WriteString(key, part);
        }

        writer.WriteEndObject();
    }
}
