using System.Globalization;
using CampWater.Alerts;

namespace CampWater.Trucking;

/// <summary>
/// Matches vouchers to deliveries. A voucher takes the delivery into its tank that started closest to its
/// <c>deliveredAt</c> within <see cref="Window"/>, one delivery per voucher and one voucher per delivery, in
/// whatever order the two arrive (a voucher entered before the fill shows, a fill whose readings came late). It is
/// verified when the measured litres are at least its own less the tolerance, else short; with no delivery
/// <see cref="VerifyWithin"/> after its time it is unverified, and a delivery that shows later still matches it.
/// A match, once made, stands.
/// </summary>
public static class VoucherMatcher
{
    public const double DefaultTolerancePct = 5;

    public static readonly TimeSpan Window = TimeSpan.FromHours(2);

    public static readonly TimeSpan VerifyWithin = TimeSpan.FromHours(3);

    /// <summary>Records a voucher and matches it; a contractor's voucher number given twice is the one recorded.</summary>
    public static (VoucherResult Result, List<TruckingSignal> Signals) AddVoucher(
        TruckingBook book, string campId, VoucherEntry entry, DateTimeOffset now, double tolerancePct)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(entry);
        if (book.Vouchers.Find(v => SameVoucher(v, entry)) is { } same)
        {
            return (new VoucherResult(VoucherOutcome.Duplicate, same), []);
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"{campId}-v{++book.LastVoucherNumber}");
        var voucher = new Voucher(id, campId, entry.TankId, entry.DeliveredAt, entry.Litres, entry.Contractor, entry.Truck,
            entry.VoucherNo, entry.FrcMgL, null, null, VoucherStatus.Pending, entry.By, now);
        book.Vouchers.Add(voucher);
        var signals = Match(book, tolerancePct);
        signals.AddRange(Expire(book, now));
        return (new VoucherResult(VoucherOutcome.Recorded, book.Vouchers.Find(v => v.Id == id)), signals);
    }

    /// <summary>Records a delivery (once: the same id again changes nothing) and matches it.</summary>
    public static List<TruckingSignal> AddDelivery(TruckingBook book, Delivery delivery, double tolerancePct)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(delivery);
        if (book.Deliveries.Exists(d => d.Id == delivery.Id))
        {
            return [];
        }

        var at = book.Deliveries.FindLastIndex(d => d.StartedAt <= delivery.StartedAt) + 1;
        book.Deliveries.Insert(at, delivery with { VoucherId = null, Status = DeliveryMatch.Unmatched });
        return Match(book, tolerancePct);
    }

    /// <summary>Pending vouchers whose time is <see cref="VerifyWithin"/> past with no delivery become unverified.</summary>
    public static List<TruckingSignal> Expire(TruckingBook book, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(book);
        var signals = new List<TruckingSignal>();
        for (var i = 0; i < book.Vouchers.Count; i++)
        {
            var v = book.Vouchers[i];
            if (v.Status == VoucherStatus.Pending && now - v.DeliveredAt >= VerifyWithin)
            {
                book.Vouchers[i] = v with { Status = VoucherStatus.Unverified };
                signals.Add(new(v.TankId, new AlertSignal(AlertKind.DeliveryUnverified, true, AlertSeverity.Warning, v.Litres, null,
                    Text($"Voucher {v.VoucherNo} of {v.Contractor} ({v.Truck}): no fill of {v.Litres:N0} L seen within 3 hours of {v.DeliveredAt:u}"), now)
                    .Worded("alert.msg.delivery-unverified", ("voucher", v.VoucherNo), ("contractor", v.Contractor), ("truck", v.Truck),
                        ("litres", Whole(v.Litres)), ("hours", "3"))));
            }
        }

        return signals;
    }

    /// <summary>The next instant a pending voucher becomes unverified; null when none waits.</summary>
    public static DateTimeOffset? NextExpiry(TruckingBook book) =>
        book.Vouchers.Where(v => v.Status == VoucherStatus.Pending).Select(v => (DateTimeOffset?)(v.DeliveredAt + VerifyWithin)).Min();

    public static VoucherStatus Judge(double measuredL, double voucherL, double tolerancePct) =>
        // In hundredths, not fractions: exactly the tolerance short (9,500 L of 10,000 at 5 %) is verified.
        measuredL * 100 >= voucherL * (100 - tolerancePct) ? VoucherStatus.Verified : VoucherStatus.Short;

    /// <summary>Pairs unmatched vouchers with free deliveries, the closest pair in time first.</summary>
    private static List<TruckingSignal> Match(TruckingBook book, double tolerancePct)
    {
        var signals = new List<TruckingSignal>();
        while (true)
        {
            int bestVoucher = -1, bestDelivery = -1;
            var bestGap = TimeSpan.MaxValue;
            for (var i = 0; i < book.Vouchers.Count; i++)
            {
                var v = book.Vouchers[i];
                if (v.DeliveryId is not null)
                {
                    continue;
                }

                for (var j = 0; j < book.Deliveries.Count; j++)
                {
                    var d = book.Deliveries[j];
                    var gap = (d.StartedAt - v.DeliveredAt).Duration();
                    if (d.VoucherId is null && d.TankId == v.TankId && gap <= Window && gap < bestGap)
                    {
                        (bestVoucher, bestDelivery, bestGap) = (i, j, gap);
                    }
                }
            }

            if (bestVoucher < 0)
            {
                return signals;
            }

            var voucher = book.Vouchers[bestVoucher];
            var delivery = book.Deliveries[bestDelivery];
            var status = Judge(delivery.Litres, voucher.Litres, tolerancePct);
            book.Vouchers[bestVoucher] = voucher with { MeasuredL = delivery.Litres, DeliveryId = delivery.Id, Status = status };
            book.Deliveries[bestDelivery] = delivery with
            {
                VoucherId = voucher.Id,
                Status = status == VoucherStatus.Verified ? DeliveryMatch.Verified : DeliveryMatch.Short,
            };
            if (status == VoucherStatus.Short)
            {
                var lacking = voucher.Litres - delivery.Litres;
                signals.Add(new(voucher.TankId, new AlertSignal(AlertKind.DeliveryShort, true, AlertSeverity.Warning, delivery.Litres, voucher.Litres,
                    Text($"Voucher {voucher.VoucherNo} of {voucher.Contractor} ({voucher.Truck}) bills {voucher.Litres:N0} L; the tank's level shows {delivery.Litres:N0} L, {lacking:N0} L ({lacking / voucher.Litres * 100:N1} %) short"),
                    delivery.EndedAt)
                    .Worded("alert.msg.delivery-short", ("voucher", voucher.VoucherNo), ("contractor", voucher.Contractor), ("truck", voucher.Truck),
                        ("billed", Whole(voucher.Litres)), ("measured", Whole(delivery.Litres)), ("lacking", Whole(lacking)),
                        ("pct", AlertText.Pct(lacking / voucher.Litres * 100)))));
            }
        }
    }

    private static bool SameVoucher(Voucher v, VoucherEntry e) =>
        string.Equals(v.Contractor.Trim(), e.Contractor.Trim(), StringComparison.OrdinalIgnoreCase)
        && string.Equals(v.VoucherNo.Trim(), e.VoucherNo.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Litres as a message part: whole, invariant digits, so each language writes them its own way.</summary>
    private static string Whole(double litres) => Math.Round(litres).ToString("0", CultureInfo.InvariantCulture);
}
