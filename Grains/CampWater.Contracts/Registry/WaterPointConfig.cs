using System.Text.Json.Serialization;

namespace CampWater.Registry;

/// <summary>
/// A place where people fetch water: a tap stand, a hand pump or a well, with the tank it draws from (if
/// any) and how many taps (outlets) it has.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.WaterPointConfig")]
public sealed record WaterPointConfig(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] WaterPointKind Kind,
    [property: Id(3)] string? TankId,
    [property: Id(4)] int Taps,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Location? Location = null);
