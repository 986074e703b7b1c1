using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace CampWater.Registry;

/// <summary>
/// A validated tank definition. Dimensions are those its <see cref="Shape"/> needs; the others are null.
/// <see cref="ServesPopulation"/> is null when the registry leaves it to the camp's even share.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.TankConfig")]
public sealed record TankConfig(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] int? ServesPopulation,
    [property: Id(3)] TankShapeKind Shape,
    [property: Id(4)] double? DiameterMm,
    [property: Id(5)] double? HeightMm,
    [property: Id(6)] double? LengthMm,
    [property: Id(7)] double? WidthMm,
    [property: Id(8)] ImmutableArray<StrappingPoint> Strapping,
    [property: Id(9)] SensorConfig Sensor,
    [property: Id(10)] Thresholds Thresholds)
{
    /// <summary>Where the tank stands, for the camp map; left out of the stored form while unknown.</summary>
    [Id(11)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Location? Location { get; init; }

    /// <summary>The tanks of its camp that this tank supplies by pipe; empty (left out of the stored form) for most.</summary>
    [Id(12)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ImmutableArray<string> Feeds { get; init; }

    /// <summary>The height of the outlet above the floor: water below it cannot be drawn. Left out of the stored form while 0.</summary>
    [Id(13)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public double OutletMm { get; init; }

    /// <summary><see cref="Feeds"/>, empty when unset.</summary>
    [JsonIgnore]
    public ImmutableArray<string> FeedsOrEmpty => Feeds.IsDefault ? [] : Feeds;
}
