using System.Collections.Immutable;
using CampWater.Alerts;
using CampWater.Registry;
using CampWater.Services;
using CampWater.Status;
using CampWater.Trucking;

namespace CampWater.Reports;

/// <summary>
/// November 2026 in a camp on Asia/Damascus time (UTC+3) with one tank: 1,000 people drawing 20,000 L a day until
/// the 15th, 1,500 people from the 16th drawing 21,000 L (14 l/p/d); no readings at all on the 10th, readings over
/// half of the 20th. Hand-computed figures are in the tests.
/// </summary>
internal static class ReportMonthData
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(3);

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Offset);

    public static CampConfig Camp(bool taps = true) =>
        new CampConfig("atmeh-3", "Atmeh 3", "Asia/Damascus", 1000, 20, CampConfig.DefaultQuietHours, [Water.Tanks.Tank(TankShapeKind.VerticalCylinder, 3000, 3000)])
            .WithPopulations(1000, [new PopulationChange(new DateOnly(2026, 11, 16), 1500)]);

    public static Dictionary<string, TankDayRecord[]> TankDays()
    {
        var days = new List<TankDayRecord>();
        for (var d = 1; d <= 30; d++)
        {
            if (d == 10)
            {
                continue;
            }

            days.Add(new TankDayRecord(new DateOnly(2026, 11, d), d <= 15 ? 20_000 : 21_000, 20_000, d == 20 ? 43_200 : 86_400));
        }

        // A day of October and of December that the month must leave out.
        days.Insert(0, new TankDayRecord(new DateOnly(2026, 10, 31), 5_000, 0, 86_400));
        days.Add(new TankDayRecord(new DateOnly(2026, 12, 1), 90_000, 0, 86_400));
        return new Dictionary<string, TankDayRecord[]> { ["t1"] = [.. days] };
    }

    public static AccessSnapshot[] Access() =>
    [
        new(Local(10, 20, 9), 10, 8, 40),
        new(Local(11, 12, 9), 10, 3, 40),
        new(Local(11, 12, 15), 10, 8, 40),
        new(Local(11, 25, 10), 10, 6, 30),
    ];

    public static QualityTest Test(DateTimeOffset ts, double? frc = null, double? turbidity = null, double? ecoli = null, params AlertKind[] problems) =>
        new("q" + ts.Ticks, ts, "t1", null, frc, turbidity, null, ecoli, QualitySource.Field, "amina", problems.Length == 0, [.. problems], null);

    public static QualityTest[] Quality() =>
    [
        Test(Local(10, 31, 12), frc: 0.05, problems: AlertKind.QualityFrcLow),
        Test(Local(11, 2, 8), frc: 0.5),
        Test(Local(11, 9, 8), frc: 0.1, problems: AlertKind.QualityFrcLow),
        Test(Local(11, 14, 8), frc: 0.3, turbidity: 7, problems: AlertKind.QualityTurbidity),
        Test(Local(11, 21, 8), turbidity: 2, ecoli: 0),
    ];

    public static Voucher Voucher(DateTimeOffset at, double litres, double? measured, VoucherStatus status) =>
        new("v" + at.Ticks, "atmeh-3", "t1", at, litres, "Barada Trucks", "T-1", "N" + at.Ticks, null, measured, measured is null ? null : "d1", status, "amina", at);

    public static Voucher[] Vouchers() =>
    [
        Voucher(new DateTimeOffset(2026, 10, 31, 22, 0, 0, TimeSpan.Zero), 5_000, null, VoucherStatus.Unverified),
        Voucher(Local(11, 4, 9), 10_000, 10_200, VoucherStatus.Verified),
        Voucher(Local(11, 18, 9), 8_000, 6_000, VoucherStatus.Short),
        Voucher(new DateTimeOffset(2026, 11, 30, 21, 30, 0, TimeSpan.Zero), 7_000, 7_000, VoucherStatus.Verified),
    ];

    public static Alert Alert(string id, AlertKind kind, DateTimeOffset raised, double? ackAfterMin, double? resolveAfterMin) =>
        new(id, "atmeh-3", "t1", kind, AlertSeverity.Warning, resolveAfterMin is null ? AlertState.Active : AlertState.Resolved, "m", null, null, raised,
            ackAfterMin is { } a ? raised.AddMinutes(a) : null, ackAfterMin is null ? null : "amina", null,
            resolveAfterMin is { } r ? raised.AddMinutes(r) : null, null, 0, ImmutableArray<AlertComment>.Empty);

    public static Alert[] Alerts() =>
    [
        Alert("a0", AlertKind.LowLevel, Local(10, 31, 23), 1, 2),
        Alert("a1", AlertKind.LowLevel, Local(11, 3, 10), 12, 95),
        Alert("a2", AlertKind.SensorOffline, Local(11, 5, 10), 30, 200),
        Alert("a3", AlertKind.SensorOffline, Local(11, 7, 10), null, 40),
        Alert("a4", AlertKind.CoverageLow, Local(11, 9, 10), 5, null),
    ];

    public static ReportInputs Inputs(DateTimeOffset now, CampConfig? camp = null, AccessSnapshot[]? access = null)
    {
        camp ??= Camp();
        var month = ReportMonth.Of(new DateOnly(2026, 11, 1), Water.CampCalendar.Zone(camp.TimeZone), now)!;
        return new ReportInputs(camp, month, TankDays(), Alerts(), Quality(), Vouchers(), access ?? Access());
    }
}
