using CampWater.Alerts;
using CampWater.Archive;
using CampWater.Readings;
using CampWater.Services;
using CampWater.Status;
using CampWater.Water;

namespace CampWater.Silo.Archive;

/// <summary>
/// The archive that grains see with <c>CampWater:Archive:Provider</c> <c>influxdb</c>: each call turns
/// into one line-protocol point in <see cref="ArchiveBuffer"/> and returns; <see cref="ArchiveWriter"/>
/// sends them. A point that does not fit is counted and logged, never thrown at the grain.
/// </summary>
public sealed partial class InfluxArchive(
    ArchiveBuffer buffer,
    ArchiveMetrics metrics,
    TimeSpan coverageInterval,
    TimeProvider clock,
    ILogger<InfluxArchive> logger) : IArchive
{
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);
    private long _nextDropLog;
    private long _droppedSinceLog;

    public TimeSpan? CoverageInterval => coverageInterval;

    public void ReadingAccepted(string campId, string tankId, TankReading reading, LevelInterpretation level) =>
        Add(() => ArchivePoints.Reading(campId, tankId, reading, level));

    public void AlertChanged(Alert alert) => Add(() => ArchivePoints.AlertChange(alert));

    public void CoverageChanged(string campId, DateTimeOffset dayStart, DailyCoverage coverage) =>
        Add(() => ArchivePoints.Coverage(campId, dayStart, coverage));

    public void QualityTested(string campId, QualityTest test) => Add(() => ArchivePoints.QualityTest(campId, test));

    public void PointStatusChanged(string campId, WaterPoint point) => Add(() => ArchivePoints.PointStatus(campId, point));

    public void SanitationChanged(string campId, Sanitation sanitation) => Add(() => ArchivePoints.SanitationStatus(campId, sanitation));

    public void DeliveryChanged(Trucking.Delivery delivery) => Add(() => ArchivePoints.DeliveryFill(delivery));

    public void VoucherChanged(Trucking.Voucher voucher) => Add(() => ArchivePoints.DeliveryVoucher(voucher));

    private void Add(Func<string> point)
    {
        string line;
        try
        {
            line = point();
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            metrics.Dropped(ArchiveMetrics.Invalid);
            LogInvalid(e.Message);
            return;
        }

        if (buffer.TryAdd(line))
        {
            metrics.Enqueued1();
            return;
        }

        metrics.Dropped(ArchiveMetrics.BufferFull);
        var dropped = Interlocked.Increment(ref _droppedSinceLog);
        var now = clock.GetUtcNow().UtcTicks;
        var due = Interlocked.Read(ref _nextDropLog);
        if (now >= due && Interlocked.CompareExchange(ref _nextDropLog, now + LogEvery.Ticks, due) == due)
        {
            Interlocked.Add(ref _droppedSinceLog, -dropped);
            LogDropped(dropped, buffer.Capacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive buffer full ({Capacity} points in memory): {Dropped} points dropped since the last report; they are counted in campwater_archive_points_dropped_total")]
    private partial void LogDropped(long dropped, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive point could not be formed and was dropped: {Reason}")]
    private partial void LogInvalid(string reason);
}
