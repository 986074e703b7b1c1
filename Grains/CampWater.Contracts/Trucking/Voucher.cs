namespace CampWater.Trucking;

/// <summary>
/// A voucher as recorded, with what the sensor confirmed of it: the measured litres of the delivery it matched
/// (null until then), that delivery's id, and its status.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.Voucher")]
public sealed record Voucher(
    [property: Id(0)] string Id,
    [property: Id(1)] string CampId,
    [property: Id(2)] string TankId,
    [property: Id(3)] DateTimeOffset DeliveredAt,
    [property: Id(4)] double Litres,
    [property: Id(5)] string Contractor,
    [property: Id(6)] string Truck,
    [property: Id(7)] string VoucherNo,
    [property: Id(8)] double? FrcMgL,
    [property: Id(9)] double? MeasuredL,
    [property: Id(10)] string? DeliveryId,
    [property: Id(11)] VoucherStatus Status,
    [property: Id(12)] string By,
    [property: Id(13)] DateTimeOffset EnteredAt);
