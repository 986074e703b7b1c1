using System.Collections.Immutable;

namespace CampWater.Registry;

/// <summary>
/// A camp's services in the registry: water quality limits, water points, the access limits per person
/// (UNHCR: at most 250 people per usable tap and 50 per usable latrine) and, optionally, the sanitation
/// counts known when the camp was set up (field counts replace them).
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.ServicesConfig")]
public sealed record ServicesConfig(
    [property: Id(0)] QualityThresholds Quality,
    [property: Id(1)] ImmutableArray<WaterPointConfig> Points,
    [property: Id(2)] int MaxPeoplePerTap,
    [property: Id(3)] int MaxPeoplePerLatrine,
    [property: Id(4)] SanitationCounts? Sanitation)
{
    public const int DefaultMaxPeoplePerTap = 250;
    public const int DefaultMaxPeoplePerLatrine = 50;

    public static ServicesConfig Default { get; } = new(QualityThresholds.Default, [], DefaultMaxPeoplePerTap, DefaultMaxPeoplePerLatrine, null);
}
