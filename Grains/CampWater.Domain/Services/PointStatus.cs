namespace CampWater.Services;

/// <summary>A water point's last tap count checked on site.</summary>
[GenerateSerializer, Immutable, Alias("campwater.PointStatus")]
public sealed record PointStatus(
    [property: Id(0)] int UsableTaps,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string By,
    [property: Id(3)] string? Note);
