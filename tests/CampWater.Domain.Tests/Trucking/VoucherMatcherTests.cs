using CampWater.Alerts;
using Xunit;
using static CampWater.Trucking.Trucks;

namespace CampWater.Trucking;

public sealed class VoucherMatcherTests
{
    [Fact]
    public void A_voucher_at_10_10_takes_the_delivery_started_at_10_20_rather_than_the_one_at_09_40()
    {
        var book = new TruckingBook();
        VoucherMatcher.AddDelivery(book, Delivery(At(9, 40), 5000), 5);
        VoucherMatcher.AddDelivery(book, Delivery(At(10, 20), 8000), 5);

        var v = Add(book, Voucher(At(10, 10), 8000), At(11));

        Assert.Equal(book.Deliveries[1].Id, v.DeliveryId);
        Assert.Equal(8000, v.MeasuredL);
        Assert.Equal(VoucherStatus.Verified, v.Status);
        Assert.Equal(DeliveryMatch.Unmatched, book.Deliveries[0].Status);
        Assert.Equal(v.Id, book.Deliveries[1].VoucherId);
    }

    [Theory]
    [InlineData(120, true)]
    [InlineData(-120, true)]
    [InlineData(121, false)]
    [InlineData(-121, false)]
    public void A_delivery_starting_minutes_from_the_voucher_matches_only_within_plus_or_minus_2_hours(int minutes, bool matches)
    {
        var book = new TruckingBook();
        VoucherMatcher.AddDelivery(book, Delivery(At(10).AddMinutes(minutes), 8000), 5);

        var v = Add(book, Voucher(At(10), 8000), At(10, 5));

        Assert.Equal(matches, v.DeliveryId is not null);
        Assert.Equal(matches ? VoucherStatus.Verified : VoucherStatus.Pending, v.Status);
    }

    [Fact]
    public void A_delivery_into_another_tank_at_the_same_minute_does_not_match()
    {
        var book = new TruckingBook();
        VoucherMatcher.AddDelivery(book, Delivery(At(10), 8000, tank: "t2"), 5);

        Assert.Null(Add(book, Voucher(At(10), 8000), At(10, 5)).DeliveryId);
    }

    [Fact]
    public void Two_vouchers_at_10_00_and_10_05_and_one_delivery_at_10_04_give_it_to_the_10_05_one_only()
    {
        var book = new TruckingBook();
        var first = Add(book, Voucher(At(10), 8000, "V-1"), At(10));
        var second = Add(book, Voucher(At(10, 5), 8000, "V-2"), At(10, 5));

        VoucherMatcher.AddDelivery(book, Delivery(At(10, 4), 8000), 5);

        Assert.Null(Find(book, first.Id).DeliveryId);
        Assert.Equal(VoucherStatus.Pending, Find(book, first.Id).Status);
        Assert.Equal(book.Deliveries[0].Id, Find(book, second.Id).DeliveryId);
        Assert.Single(book.Vouchers, v => v.DeliveryId is not null);
    }

    [Fact]
    public void A_voucher_entered_before_its_fill_shows_is_pending_then_verified_when_the_8000_L_fill_comes()
    {
        var book = new TruckingBook();
        var v = Add(book, Voucher(At(10), 8000), At(9, 55));
        Assert.Equal(VoucherStatus.Pending, v.Status);

        var signals = VoucherMatcher.AddDelivery(book, Delivery(At(10, 10), 7900), 5);

        Assert.Empty(signals);
        Assert.Equal(VoucherStatus.Verified, Find(book, v.Id).Status);
        Assert.Equal(7900, Find(book, v.Id).MeasuredL);
        Assert.Equal(DeliveryMatch.Verified, book.Deliveries[0].Status);
    }

    [Fact]
    public void A_voucher_at_10_00_is_pending_at_12_59_and_unverified_with_a_warning_at_13_00()
    {
        var book = new TruckingBook();
        var v = Add(book, Voucher(At(10), 8000), At(10));

        Assert.Empty(VoucherMatcher.Expire(book, At(12, 59)));
        Assert.Equal(VoucherStatus.Pending, Find(book, v.Id).Status);
        Assert.Equal(At(13), VoucherMatcher.NextExpiry(book));

        var signal = Assert.Single(VoucherMatcher.Expire(book, At(13)));
        Assert.Equal(VoucherStatus.Unverified, Find(book, v.Id).Status);
        Assert.Equal(("t1", AlertKind.DeliveryUnverified, AlertSeverity.Warning, true), (signal.TankId, signal.Signal.Kind, signal.Signal.Severity, signal.Signal.Holds));
        Assert.Empty(VoucherMatcher.Expire(book, At(14)));
        Assert.Null(VoucherMatcher.NextExpiry(book));
    }

    [Fact]
    public void Fill_readings_that_arrive_after_a_gateway_outage_still_verify_the_voucher_unverified_at_13_00()
    {
        var book = new TruckingBook();
        var v = Add(book, Voucher(At(10), 8000), At(10));
        VoucherMatcher.Expire(book, At(13));
        Assert.Equal(VoucherStatus.Unverified, Find(book, v.Id).Status);

        // At 15:00 the gateway is back and the readings of the 10:15 fill come in: the delivery dates from 10:15.
        VoucherMatcher.AddDelivery(book, Delivery(At(10, 15), 8050), 5);

        Assert.Equal(VoucherStatus.Verified, Find(book, v.Id).Status);
        Assert.Equal(8050, Find(book, v.Id).MeasuredL);
    }

    [Theory]
    [InlineData(10000, 9500, VoucherStatus.Verified)]
    [InlineData(10000, 9499, VoucherStatus.Short)]
    [InlineData(7000, 6650, VoucherStatus.Verified)]
    [InlineData(7000, 6649.9, VoucherStatus.Short)]
    public void At_a_tolerance_of_5_percent_a_voucher_is_verified_down_to_exactly_95_percent_measured(double voucherL, double measuredL, VoucherStatus expected)
    {
        var book = new TruckingBook();
        VoucherMatcher.AddDelivery(book, Delivery(At(10), measuredL), 5);

        Assert.Equal(expected, Add(book, Voucher(At(10), voucherL), At(10, 30)).Status);
    }

    [Fact]
    public void A_voucher_of_10000_L_whose_fill_measured_7000_L_is_short_with_a_warning_of_7000_against_10000()
    {
        var book = new TruckingBook();
        VoucherMatcher.AddDelivery(book, Delivery(At(10), 7000), 5);

        var (result, signals) = VoucherMatcher.AddVoucher(book, "c", Voucher(At(10, 5), 10000), At(11), 5);

        Assert.Equal(VoucherStatus.Short, result.Voucher!.Status);
        Assert.Equal(DeliveryMatch.Short, book.Deliveries[0].Status);
        var signal = Assert.Single(signals);
        Assert.Equal((AlertKind.DeliveryShort, AlertSeverity.Warning, 7000.0, 10000.0), (signal.Signal.Kind, signal.Signal.Severity, signal.Signal.Value!.Value, signal.Signal.Threshold!.Value));
        Assert.Contains("3,000 L (30.0 %) short", signal.Signal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tolerance_of_35_percent_verifies_the_same_7000_L_for_10000()
    {
        var book = new TruckingBook();
        VoucherMatcher.AddDelivery(book, Delivery(At(10), 7000), 35);

        Assert.Equal(VoucherStatus.Verified, Add(book, Voucher(At(10), 10000), At(11), 35).Status);
    }

    [Fact]
    public void The_same_contractor_and_voucher_number_twice_is_a_duplicate_whatever_the_case_and_spaces()
    {
        var book = new TruckingBook();
        var first = Add(book, Voucher(At(10), 8000, "V-77", "Al-Noor Water"), At(10));

        var again = VoucherMatcher.AddVoucher(book, "c", Voucher(At(11), 5000, " v-77", "AL-NOOR WATER "), At(11), 5).Result;
        var other = VoucherMatcher.AddVoucher(book, "c", Voucher(At(11), 5000, "V-77", "Barada Trucks"), At(11), 5).Result;

        Assert.Equal((VoucherOutcome.Duplicate, first.Id), (again.Outcome, again.Voucher!.Id));
        Assert.Equal(VoucherOutcome.Recorded, other.Outcome);
        Assert.Equal(2, book.Vouchers.Count);
    }

    [Fact]
    public void The_same_delivery_reported_twice_is_kept_once()
    {
        var book = new TruckingBook();
        VoucherMatcher.AddDelivery(book, Delivery(At(10), 8000), 5);
        VoucherMatcher.AddDelivery(book, Delivery(At(10), 8000), 5);

        Assert.Single(book.Deliveries);
    }
}
