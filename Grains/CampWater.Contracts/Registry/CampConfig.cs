using System.Collections.Immutable;

namespace CampWater.Registry;

/// <summary>A validated camp definition with its tanks.</summary>
[GenerateSerializer, Immutable, Alias("campwater.CampConfig")]
public sealed record CampConfig(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] int Population,
    [property: Id(4)] double TargetLpd,
    [property: Id(5)] string QuietHours,
    [property: Id(6)] ImmutableArray<TankConfig> Tanks)
{
    public const double DefaultTargetLpd = 20;
    public const double EmergencyMinimumLpd = 15;
    public const string DefaultQuietHours = "00:00-04:00";
}
