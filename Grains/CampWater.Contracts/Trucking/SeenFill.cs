namespace CampWater.Trucking;

/// <summary>A fill a tank's level showed, numbered in the order the tank saw them, kept by the tank until its camp's trucking has it.</summary>
[GenerateSerializer, Immutable, Alias("campwater.SeenFill")]
public sealed record SeenFill(
    [property: Id(0)] long Seq,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] DateTimeOffset EndedAt,
    [property: Id(3)] double Litres,
    [property: Id(4)] double RiseL);
