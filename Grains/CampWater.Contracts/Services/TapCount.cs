namespace CampWater.Services;

/// <summary>A tap count checked on site: "4 of 6 taps work".</summary>
[GenerateSerializer, Immutable, Alias("campwater.TapCount")]
public sealed record TapCount(
    [property: Id(0)] int UsableTaps,
    [property: Id(1)] string By,
    [property: Id(2)] string? Note);
