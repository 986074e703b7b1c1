namespace CampWater.Trucking;

/// <summary>
/// The month's figures per contractor, what a WASH officer checks before paying an invoice: <c>billedL</c> the
/// vouchers' litres; <c>verifiedL</c> the measured litres of matched vouchers (verified and short), each capped
/// at its voucher's; <c>shortL</c> what short vouchers lack; <c>unverified</c> how many had no fill;
/// <c>verifiedPct</c> = verifiedL / billedL × 100.
/// </summary>
public static class ContractorReport
{
    public static ContractorFigures[] Of(IEnumerable<Voucher> vouchers) =>
        [.. vouchers
            .GroupBy(v => v.Contractor.Trim(), StringComparer.OrdinalIgnoreCase)
            .Select(g => Figures(g.First().Contractor.Trim(), [.. g.OrderBy(v => v.DeliveredAt)]))
            .OrderBy(f => f.Contractor, StringComparer.OrdinalIgnoreCase)];

    private static ContractorFigures Figures(string contractor, Voucher[] items)
    {
        double billed = 0, verified = 0, shortL = 0;
        int unverified = 0, shortCount = 0;
        foreach (var v in items)
        {
            billed += v.Litres;
            if (v.Status is VoucherStatus.Verified or VoucherStatus.Short && v.MeasuredL is { } measured)
            {
                verified += Math.Min(measured, v.Litres);
            }

            if (v.Status == VoucherStatus.Short && v.MeasuredL is { } got)
            {
                shortL += v.Litres - got;
                shortCount++;
            }

            if (v.Status == VoucherStatus.Unverified)
            {
                unverified++;
            }
        }

        double? pct = billed > 0 ? Math.Round(verified / billed * 100, 1) : null;
        return new ContractorFigures(contractor, items.Length, Math.Round(billed, 1), Math.Round(verified, 1), Math.Round(shortL, 1), unverified, pct, items)
        {
            ShortCount = shortCount,
        };
    }
}
