namespace CampWater.Testing;

/// <summary>One request an <see cref="HttpReceiver"/> took: when, its headers and its exact body bytes, and what it answered.</summary>
public sealed record ReceivedRequest(DateTimeOffset At, string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, int Answered)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : null;
}
