using System.Collections.Immutable;
using System.Text.Json.Serialization;

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

    /// <summary>
    /// Quality limits, water points, access limits and sanitation; null for a camp whose registry says
    /// nothing of them (the defaults apply). Left out of the stored form while null, so that a camp set up
    /// before services existed keeps the fingerprint the registry seeding compares.
    /// </summary>
    [Id(7)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ServicesConfig? Services { get; init; }

    /// <summary>What is in force: <see cref="Services"/> or the defaults.</summary>
    [JsonIgnore]
    public ServicesConfig ServicesOrDefault => Services ?? ServicesConfig.Default;
}
