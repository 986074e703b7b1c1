namespace CampWater.Trucking;

/// <summary>What a delivery's voucher says of it: none yet, at least the voucher's litres less the tolerance, or less.</summary>
public enum DeliveryMatch
{
    Unmatched,
    Verified,
    Short,
}
