namespace CampWater.Grains;

/// <summary>What a tank needs to know of its camp: the camp-local calendar and its default share of people.</summary>
[GenerateSerializer, Immutable, Alias("campwater.CampContext")]
public sealed record CampContext(
    [property: Id(0)] string CampId,
    [property: Id(1)] string TimeZone,
    [property: Id(2)] string QuietHours,
    [property: Id(3)] double TargetLpd,
    [property: Id(4)] int DefaultServesPopulation);
