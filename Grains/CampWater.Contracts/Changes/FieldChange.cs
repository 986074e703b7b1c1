namespace CampWater.Changes;

/// <summary>
/// One field of a camp or tank that changed, named by its path in the registry form
/// (<c>thresholds.lowPct</c>). <see cref="From"/> and <see cref="To"/> are the values as JSON text
/// (<c>25</c>, <c>"Elevated tank A"</c>); null where the field was or became unset.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.FieldChange")]
public sealed record FieldChange(
    [property: Id(0)] string Field,
    [property: Id(1)] string? From,
    [property: Id(2)] string? To)
{
    /// <summary>For a dated field (the population), the camp-local date the change is in force from; null for the undated value.</summary>
    [Id(3)]
    public DateOnly? Since { get; init; }
}
