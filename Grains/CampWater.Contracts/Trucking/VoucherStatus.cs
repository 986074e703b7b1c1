namespace CampWater.Trucking;

/// <summary>
/// Where a voucher stands: waiting for its fill, matched to a delivery that holds its litres (within the
/// tolerance) or one that falls short, or no fill within 3 hours of its time.
/// </summary>
public enum VoucherStatus
{
    Pending,
    Verified,
    Short,
    Unverified,
}
