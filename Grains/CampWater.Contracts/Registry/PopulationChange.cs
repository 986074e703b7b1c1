namespace CampWater.Registry;

/// <summary>A camp's population from a camp-local date on, until the next change.</summary>
[GenerateSerializer, Immutable, Alias("campwater.PopulationChange")]
public sealed record PopulationChange(
    [property: Id(0)] DateOnly From,
    [property: Id(1)] int Population);
