namespace CampWater.Services;

/// <summary>
/// A camp's taps and latrines from a moment on: what the monthly report reads to find the month-end and the worst
/// day. Each figure is null while unknown (no water points registered, latrines never counted).
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.AccessSnapshot")]
public sealed record AccessSnapshot(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int? Taps,
    [property: Id(2)] int? UsableTaps,
    [property: Id(3)] int? UsableLatrines);
