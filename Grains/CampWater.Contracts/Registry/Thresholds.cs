namespace CampWater.Registry;

/// <summary>Alert thresholds of one tank; the defaults are those of the registry contract.</summary>
[GenerateSerializer, Immutable, Alias("campwater.Thresholds")]
public sealed record Thresholds(
    [property: Id(0)] double LowPct = 25,
    [property: Id(1)] double CriticalPct = 10,
    [property: Id(2)] double OverflowPct = 98,
    [property: Id(3)] int OfflineAfterMin = 30,
    [property: Id(4)] double RapidDropPctPerHour = 30,
    [property: Id(5)] double NightDrawPct = 5)
{
    public static Thresholds Default { get; } = new();
}
