using CampWater.Alerts;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Reports;
using CampWater.Water;

namespace CampWater.Dashboard.Reports;

/// <summary>Gathers a camp's month from its grains (tanks' ledgers, alerts, services, trucking) and computes its report card.</summary>
public static class CampReports
{
    /// <summary>The camp's report of the month beginning on <paramref name="first"/>; null for a month that has not begun in its zone.</summary>
    public static async Task<CampReport?> Make(IGrainFactory grains, CampConfig camp, DateOnly first, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(camp);
        var month = ReportMonth.Of(first, CampCalendar.Zone(camp.TimeZone), now);
        if (month is null)
        {
            return null;
        }

        var days = camp.Tanks.Select(async t => (t.Id, Days: await grains.GetGrain<ITankGrain>(TankKey.Of(camp.Id, t.Id)).GetDays(month.First, month.Last))).ToArray();
        var services = grains.GetGrain<IServicesGrain>(camp.Id);
        var alerts = grains.GetGrain<ICampGrain>(camp.Id).GetAlerts(new AlertFilter(AlertStateFilter.All, month.Start));
        var quality = services.GetQuality(month.Start, month.End);
        var access = services.GetAccessHistory(month.Start);
        var vouchers = grains.GetGrain<ITruckingGrain>(camp.Id).GetVouchers(month.Start, month.End);
        var tankDays = (await Task.WhenAll(days)).ToDictionary(d => d.Id, d => d.Days, StringComparer.Ordinal);
        return ReportCard.Compute(new ReportInputs(camp, month, tankDays, await alerts, await quality, await vouchers, await access));
    }
}
