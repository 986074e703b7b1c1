namespace CampWater.Trucking;

/// <summary><c>CampWater:Deliveries</c>: how vouchers are judged against what the sensors saw.</summary>
public sealed class DeliveriesOptions
{
    public const string TolerancePctKey = "CampWater:Deliveries:TolerancePct";

    /// <summary>A voucher is verified when the measured litres are at least its own less this share.</summary>
    public double TolerancePct { get; set; } = VoucherMatcher.DefaultTolerancePct;

    /// <summary>Why the options cannot stand, naming the key; empty when they can.</summary>
    public IEnumerable<string> Problems()
    {
        if (!double.IsFinite(TolerancePct) || TolerancePct is < 0 or > 50)
        {
            yield return FormattableString.Invariant($"{TolerancePctKey} is {TolerancePct}: use 0 to 50 (percent of a voucher's litres).");
        }
    }
}
