using CampWater.Alerts;
using CampWater.Readings;
using CampWater.Services;
using CampWater.Status;
using CampWater.Water;

namespace CampWater.Archive;

/// <summary>The archive of <c>CampWater:Archive:Provider</c> <c>none</c>: keeps nothing.</summary>
public sealed class NoArchive : IArchive
{
    public static NoArchive Instance { get; } = new();

    public TimeSpan? CoverageInterval => null;

    public void ReadingAccepted(string campId, string tankId, TankReading reading, LevelInterpretation level)
    {
    }

    public void AlertChanged(Alert alert)
    {
    }

    public void CoverageChanged(string campId, DateTimeOffset dayStart, DailyCoverage coverage)
    {
    }

    public void QualityTested(string campId, QualityTest test)
    {
    }

    public void PointStatusChanged(string campId, WaterPoint point)
    {
    }

    public void SanitationChanged(string campId, Sanitation sanitation)
    {
    }

    public void DeliveryChanged(Trucking.Delivery delivery)
    {
    }

    public void VoucherChanged(Trucking.Voucher voucher)
    {
    }
}
