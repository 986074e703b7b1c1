namespace CampWater.Trucking;

public enum VoucherOutcome
{
    Recorded,

    /// <summary>The contractor already has a voucher of that number: the one recorded comes back.</summary>
    Duplicate,

    UnknownTank,
}

/// <summary>What became of a voucher entered: the voucher recorded, or the one of the same number.</summary>
[GenerateSerializer, Immutable, Alias("campwater.VoucherResult")]
public sealed record VoucherResult([property: Id(0)] VoucherOutcome Outcome, [property: Id(1)] Voucher? Voucher);
