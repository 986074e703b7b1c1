namespace CampWater.Services;

/// <summary>
/// What the quality rules remember between tests, so that they speak only when a condition changes: which
/// conditions hold at which place (and for pH, on which side of the range), and the time of the newest test
/// judged at each place, so that a late test is not taken for the latest. Kept in the services grain's state.
/// </summary>
[GenerateSerializer, Alias("campwater.QualityMemory")]
public sealed class QualityMemory
{
    /// <summary>"{place}|{kind}" → what was last signalled while it holds ("low", "high", or the kind alone).</summary>
    [Id(0)] public Dictionary<string, string> Holding { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Place key → the time of the newest test judged there.</summary>
    [Id(1)] public Dictionary<string, DateTimeOffset> NewestAt { get; set; } = new(StringComparer.Ordinal);

    /// <summary>After someone resolved the alert by hand: the next test out of range raises a new one.</summary>
    public void Reset(string place, Alerts.AlertKind kind) => Holding.Remove(Key(place, kind));

    internal static string Key(string place, Alerts.AlertKind kind) => $"{place}|{kind}";
}
