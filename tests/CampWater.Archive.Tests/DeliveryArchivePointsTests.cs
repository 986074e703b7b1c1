using CampWater.Silo.Archive;
using CampWater.Trucking;

namespace CampWater.ArchiveTests;

/// <summary>Deliveries and vouchers as points of the <c>delivery</c> measurement.</summary>
public sealed class DeliveryArchivePointsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 7, 2, 0, 500, TimeSpan.Zero);

    [Fact]
    public void A_delivery_of_7012_L_into_t1_is_a_fill_point_at_its_start_with_its_rise_match_and_end()
    {
        var d = new Delivery("atmeh-3-t1-d4", "atmeh-3", "t1", At, At.AddMinutes(31), 7012, "atmeh-3-v2", DeliveryMatch.Verified) { RiseL = 6100 };

        var line = ArchivePoints.DeliveryFill(d);

        Assert.Equal(
            $"delivery,camp=atmeh-3,kind=fill,tank=t1 endedAt=\"2026-11-29T07:33:00.500Z\",id=\"atmeh-3-t1-d4\",litres=7012,riseL=6100,status=\"verified\",voucherId=\"atmeh-3-v2\" {At.ToUnixTimeMilliseconds()}",
            line);
    }

    [Fact]
    public void A_short_voucher_of_10000_L_measured_7000_is_a_voucher_point_at_its_time_with_what_was_billed_and_measured()
    {
        var v = new Voucher("atmeh-3-v2", "atmeh-3", "t1", At, 10000, "Al-Noor Water", "TR 12", "V-77", 0.4, 7000, "atmeh-3-t1-d4",
            VoucherStatus.Short, "amina", At.AddHours(1));

        var line = ArchivePoints.DeliveryVoucher(v);

        Assert.Equal(
            $"delivery,camp=atmeh-3,kind=voucher,tank=t1 by=\"amina\",contractor=\"Al-Noor Water\",deliveryId=\"atmeh-3-t1-d4\",frcMgL=0.4,id=\"atmeh-3-v2\",litres=10000,measuredL=7000,status=\"short\",truck=\"TR 12\",voucherNo=\"V-77\" {At.ToUnixTimeMilliseconds()}",
            line);
    }

    [Fact]
    public void A_pending_voucher_has_no_measured_litres_and_no_delivery_field()
    {
        var v = new Voucher("c-v1", "c", "t1", At, 6000, "Barada", "T1", "B-1", null, null, null, VoucherStatus.Pending, "field1", At);

        var line = ArchivePoints.DeliveryVoucher(v);

        Assert.DoesNotContain("measuredL", line, StringComparison.Ordinal);
        Assert.DoesNotContain("deliveryId", line, StringComparison.Ordinal);
        Assert.Contains("status=\"pending\"", line, StringComparison.Ordinal);
    }
}
