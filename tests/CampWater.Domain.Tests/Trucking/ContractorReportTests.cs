using Xunit;
using static CampWater.Trucking.Trucks;

namespace CampWater.Trucking;

public sealed class ContractorReportTests
{
    [Fact]
    public void Vouchers_of_10000_verified_at_10200_10000_short_at_7000_and_5000_unverified_bill_25000_and_verify_17000_L_68_percent()
    {
        var book = new TruckingBook();
        VoucherMatcher.AddDelivery(book, Delivery(At(8), 10200), 5);
        VoucherMatcher.AddDelivery(book, Delivery(At(12), 7000), 5);
        Add(book, Voucher(At(8), 10000, "A-1"), At(9));
        Add(book, Voucher(At(12), 10000, "A-2"), At(13));
        Add(book, Voucher(At(16), 5000, "A-3"), At(16));
        Add(book, Voucher(At(9), 6000, "B-1", "Barada Trucks"), At(9));
        VoucherMatcher.Expire(book, At(20));

        var report = ContractorReport.Of(book.Vouchers);

        Assert.Equal(["Al-Noor Water", "Barada Trucks"], report.Select(r => r.Contractor));
        var a = report[0];
        Assert.Equal(3, a.Vouchers);
        Assert.Equal(25000, a.BilledL);
        // The first voucher's 10,200 L measured is capped at its 10,000 L.
        Assert.Equal(17000, a.VerifiedL);
        Assert.Equal(3000, a.ShortL);
        Assert.Equal(1, a.ShortCount);
        Assert.Equal(1, a.Unverified);
        Assert.Equal(68.0, a.VerifiedPct);
        Assert.Equal(["A-1", "A-2", "A-3"], a.Items.Select(v => v.VoucherNo));
        var b = report[1];
        Assert.Equal((1, 6000.0, 0.0, 0.0, 1, 0.0), (b.Vouchers, b.BilledL, b.VerifiedL, b.ShortL, b.Unverified, b.VerifiedPct!.Value));
    }

    [Fact]
    public void A_pending_voucher_of_8000_L_is_billed_but_neither_verified_short_nor_unverified()
    {
        var book = new TruckingBook();
        Add(book, Voucher(At(10), 8000), At(10));

        var r = Assert.Single(ContractorReport.Of(book.Vouchers));

        Assert.Equal((1, 8000.0, 0.0, 0.0, 0, 0.0), (r.Vouchers, r.BilledL, r.VerifiedL, r.ShortL, r.Unverified, r.VerifiedPct!.Value));
    }
}
