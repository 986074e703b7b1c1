using CampWater.Alerts;
using CampWater.Readings;
using CampWater.Services;
using CampWater.Status;
using CampWater.Trucking;
using CampWater.Water;

namespace CampWater.Archive;

/// <summary>
/// Where grains send what the long-term archive keeps: every accepted reading, every alert change and
/// the coverage of camp-local days, water quality tests and the counts of
/// taps and latrines. The host provides it; grains never know the archive's server.
/// Calls must not block and must not throw: implementations queue.
/// </summary>
public interface IArchive
{
    /// <summary>How often a camp sends the coverage of the days that changed; null when nothing is archived.</summary>
    TimeSpan? CoverageInterval { get; }

    /// <summary>A reading that a tank accepted: applied, late or a sensor fault (duplicates are not archived).</summary>
    /// <param name="level">What the reading means for the tank; for a fault, the impossible depth.</param>
    void ReadingAccepted(string campId, string tankId, TankReading reading, LevelInterpretation level);

    void AlertChanged(Alert alert);

    /// <summary>A camp-local day's coverage as it stands now.</summary>
    /// <param name="dayStart">The instant the camp-local day began.</param>
    void CoverageChanged(string campId, DateTimeOffset dayStart, DailyCoverage coverage);

    /// <summary>A water quality test recorded (late ones included; duplicates are not archived).</summary>
    void QualityTested(string campId, QualityTest test);

    /// <summary>A tap count checked on site: the point as it stands after it.</summary>
    void PointStatusChanged(string campId, WaterPoint point);

    /// <summary>Sanitation counts made by field staff.</summary>
    void SanitationChanged(string campId, Sanitation sanitation);

    /// <summary>A delivery seen in a tank's level, and again each time its match changes.</summary>
    void DeliveryChanged(Delivery delivery);

    /// <summary>A voucher recorded, and again each time its status changes.</summary>
    void VoucherChanged(Voucher voucher);
}
