using System.Collections.Concurrent;
using CampWater.Alerts;
using CampWater.Archive;
using CampWater.Readings;
using CampWater.Services;
using CampWater.Status;
using CampWater.Water;

namespace CampWater;

/// <summary>An archive that remembers what the grains send it, with coverage sent every second.</summary>
public sealed class RecordingArchive : IArchive
{
    public TimeSpan? CoverageInterval => TimeSpan.FromSeconds(1);

    public ConcurrentQueue<(string Camp, string Tank, TankReading Reading, LevelInterpretation Level)> Readings { get; } = new();

    public ConcurrentQueue<Alert> Alerts { get; } = new();

    public ConcurrentQueue<(string Camp, DateTimeOffset DayStart, DailyCoverage Coverage)> Coverage { get; } = new();

    public void ReadingAccepted(string campId, string tankId, TankReading reading, LevelInterpretation level) =>
        Readings.Enqueue((campId, tankId, reading, level));

    public void AlertChanged(Alert alert) => Alerts.Enqueue(alert);

    public void CoverageChanged(string campId, DateTimeOffset dayStart, DailyCoverage coverage) =>
        Coverage.Enqueue((campId, dayStart, coverage));

    public ConcurrentQueue<(string Camp, QualityTest Test)> QualityTests { get; } = new();

    public ConcurrentQueue<(string Camp, WaterPoint Point)> PointStatuses { get; } = new();

    public ConcurrentQueue<(string Camp, Sanitation Sanitation)> Sanitations { get; } = new();

    public void QualityTested(string campId, QualityTest test) => QualityTests.Enqueue((campId, test));

    public void PointStatusChanged(string campId, WaterPoint point) => PointStatuses.Enqueue((campId, point));

    public void SanitationChanged(string campId, Sanitation sanitation) => Sanitations.Enqueue((campId, sanitation));

    public ConcurrentQueue<Trucking.Delivery> Deliveries { get; } = new();

    public ConcurrentQueue<Trucking.Voucher> Vouchers { get; } = new();

    public void DeliveryChanged(Trucking.Delivery delivery) => Deliveries.Enqueue(delivery);

    public void VoucherChanged(Trucking.Voucher voucher) => Vouchers.Enqueue(voucher);
}
