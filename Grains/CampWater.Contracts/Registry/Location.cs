namespace CampWater.Registry;

/// <summary>Where a tank or water point stands: WGS 84 degrees, as a phone's GPS gives them.</summary>
[GenerateSerializer, Immutable, Alias("campwater.Location")]
public sealed record Location(
    [property: Id(0)] double Lat,
    [property: Id(1)] double Lon);
