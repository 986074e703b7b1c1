namespace CampWater.Services;

/// <summary>
/// What a camp's summary takes from its services: taps and usable taps over all water points (null without
/// water points), and usable latrines and showers (null until counted).
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.ServiceFigures")]
public sealed record ServiceFigures(
    [property: Id(0)] int? Taps,
    [property: Id(1)] int? UsableTaps,
    [property: Id(2)] int? UsableLatrines,
    [property: Id(3)] int? UsableShowers)
{
    public static ServiceFigures Unknown { get; } = new(null, null, null, null);
}
