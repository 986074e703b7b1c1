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
}
