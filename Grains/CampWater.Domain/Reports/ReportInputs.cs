using CampWater.Alerts;
using CampWater.Registry;
using CampWater.Services;
using CampWater.Status;
using CampWater.Trucking;

namespace CampWater.Reports;

/// <summary>
/// What a camp's month report is computed from: the camp, the month, every tank's ledger days of the month, the
/// alerts raised since the month began, the month's quality tests and vouchers, and the camp's taps and latrines
/// over time (the last snapshot before the month included).
/// </summary>
public sealed record ReportInputs(
    CampConfig Camp,
    ReportMonth Month,
    IReadOnlyDictionary<string, TankDayRecord[]> TankDays,
    IReadOnlyList<Alert> Alerts,
    IReadOnlyList<QualityTest> Quality,
    IReadOnlyList<Voucher> Vouchers,
    IReadOnlyList<AccessSnapshot> Access);
