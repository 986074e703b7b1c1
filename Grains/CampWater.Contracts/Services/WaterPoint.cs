using CampWater.Registry;

namespace CampWater.Services;

/// <summary>
/// A water point as the API shows it: its registry definition and the tap count last checked on site
/// (<see cref="UsableTaps"/>; every tap until the first check, when <see cref="StatusAt"/> is null).
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.WaterPoint")]
public sealed record WaterPoint(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] WaterPointKind Kind,
    [property: Id(3)] string? TankId,
    [property: Id(4)] int Taps,
    [property: Id(5)] Location? Location,
    [property: Id(6)] int UsableTaps,
    [property: Id(7)] DateTimeOffset? StatusAt,
    [property: Id(8)] string? StatusBy,
    [property: Id(9)] string? StatusNote);
