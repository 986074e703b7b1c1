using System.Text;
using System.Text.Json;
using MQTTnet.Protocol;

namespace CampWater.Testing;

/// <summary>A message that an <see cref="MqttTestClient"/> received.</summary>
public sealed record ReceivedMqttMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfServiceLevel QualityOfService,
    bool Retain,
    DateTimeOffset ReceivedAt)
{
    public string PayloadText => Encoding.UTF8.GetString(Payload.Span);

    /// <summary>The payload as JSON; throws when it is not.</summary>
    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Payload);
        return document.RootElement.Clone();
    }

    /// <summary>The payload deserialized with <see cref="JsonSerializerOptions.Web"/> unless told otherwise.</summary>
    public T? Deserialize<T>(JsonSerializerOptions? options = null) =>
        JsonSerializer.Deserialize<T>(Payload.Span, options ?? JsonSerializerOptions.Web);

    public override string ToString()
    {
        var text = PayloadText;
        if (text.Length > 300)
        {
            text = string.Concat(text.AsSpan(0, 300), "…");
        }

        return $"{Topic} (QoS {(int)QualityOfService}{(Retain ? ", retained" : "")}): {text}";
    }
}
