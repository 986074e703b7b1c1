namespace CampWater.Trucking;

/// <summary>
/// A fill of a tank that no tank feeds, as its level showed it: from the last estimate before the rise to the
/// top of it; <see cref="Litres"/> is the rise in storage plus the water estimated as drawn meanwhile.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.TruckDelivery")]
public sealed record Delivery(
    [property: Id(0)] string Id,
    [property: Id(1)] string CampId,
    [property: Id(2)] string TankId,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset EndedAt,
    [property: Id(5)] double Litres,
    [property: Id(6)] string? VoucherId,
    [property: Id(7)] DeliveryMatch Status)
{
    /// <summary>The rise in storage alone, without the water estimated as drawn during the fill.</summary>
    [Id(8)]
    public double RiseL { get; init; }
}
