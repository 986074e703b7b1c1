using System.Collections.Immutable;

namespace CampWater.Changes;

/// <summary>
/// Who changed a camp's configuration or one of its tanks, when, and which fields from what to what.
/// <see cref="TankId"/> is null for a change of the camp's own fields.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.ConfigChange")]
public sealed record ConfigChange(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string By,
    [property: Id(2)] string CampId,
    [property: Id(3)] string? TankId,
    [property: Id(4)] ConfigChangeKind Kind,
    [property: Id(5)] ImmutableArray<FieldChange> Fields);
