namespace CampWater.Trucking;

/// <summary>A voucher as field staff enter it: what a trucking contractor says it delivered into a tank.</summary>
[GenerateSerializer, Immutable, Alias("campwater.VoucherEntry")]
public sealed record VoucherEntry(
    [property: Id(0)] string TankId,
    [property: Id(1)] DateTimeOffset DeliveredAt,
    [property: Id(2)] double Litres,
    [property: Id(3)] string Contractor,
    [property: Id(4)] string Truck,
    [property: Id(5)] string VoucherNo,
    [property: Id(6)] double? FrcMgL,
    [property: Id(7)] string By);
