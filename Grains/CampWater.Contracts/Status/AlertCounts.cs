namespace CampWater.Status;

/// <summary>Open alerts of a camp (its own and its tanks') by severity.</summary>
[GenerateSerializer, Immutable, Alias("campwater.AlertCounts")]
public sealed record AlertCounts(
    [property: Id(0)] int Critical,
    [property: Id(1)] int Warning,
    [property: Id(2)] int Info)
{
    public static AlertCounts None { get; } = new(0, 0, 0);
}
