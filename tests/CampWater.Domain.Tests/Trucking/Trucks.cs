namespace CampWater.Trucking;

/// <summary>Vouchers and deliveries of tank t1 of camp c on 30 November 2026 (UTC), by the clock time.</summary>
internal static class Trucks
{
    public static readonly DateTimeOffset Day = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int hour, int minute = 0) => Day.AddHours(hour).AddMinutes(minute);

    public static VoucherEntry Voucher(DateTimeOffset at, double litres, string no = "V-1", string contractor = "Al-Noor Water", string tank = "t1") =>
        new(tank, at, litres, contractor, "TR-12", no, null, "field1");

    public static Delivery Delivery(DateTimeOffset start, double litres, string tank = "t1") =>
        new($"c-{tank}-{start.ToUnixTimeSeconds()}", "c", tank, start, start.AddMinutes(30), litres, null, DeliveryMatch.Unmatched);

    public static Voucher Add(TruckingBook book, VoucherEntry entry, DateTimeOffset now, double tolerancePct = 5) =>
        VoucherMatcher.AddVoucher(book, "c", entry, now, tolerancePct).Result.Voucher!;

    public static Voucher Find(TruckingBook book, string id) => book.Vouchers.Single(v => v.Id == id);
}
