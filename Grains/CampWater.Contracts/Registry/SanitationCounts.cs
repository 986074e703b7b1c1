namespace CampWater.Registry;

/// <summary>Latrines and showers of a camp, and how many of each people can use (clean, lit, lockable, not full).</summary>
[GenerateSerializer, Immutable, Alias("campwater.SanitationCounts")]
public sealed record SanitationCounts(
    [property: Id(0)] int Latrines,
    [property: Id(1)] int UsableLatrines,
    [property: Id(2)] int Showers,
    [property: Id(3)] int UsableShowers);
