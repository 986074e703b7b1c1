namespace CampWater.Trucking;

/// <summary>
/// One contractor's month: how many vouchers, the litres billed, the litres the sensors confirmed (each matched
/// voucher's measured litres, capped at its own), what short vouchers lack, how many stayed unverified, and the
/// confirmed share of the billed litres; <see cref="Items"/> are the vouchers behind the figures.
/// </summary>
public sealed record ContractorFigures(
    string Contractor,
    int Vouchers,
    double BilledL,
    double VerifiedL,
    double ShortL,
    int Unverified,
    double? VerifiedPct,
    IReadOnlyList<Voucher> Items)
{
    /// <summary>Vouchers matched to a delivery that fell short of the tolerance.</summary>
    public int ShortCount { get; init; }
}
