namespace CampWater.Services;

/// <summary>
/// A camp's latrines and showers as last counted: the counts, the camp-local date and moment of the count and
/// who made it. <see cref="At"/> and <see cref="By"/> are null for the counts of the registry file.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.Sanitation")]
public sealed record Sanitation(
    [property: Id(0)] int Latrines,
    [property: Id(1)] int UsableLatrines,
    [property: Id(2)] int Showers,
    [property: Id(3)] int UsableShowers,
    [property: Id(4)] DateOnly? Date,
    [property: Id(5)] DateTimeOffset? At,
    [property: Id(6)] string? By);
