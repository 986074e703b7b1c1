using CampWater.Dashboard.Metrics;

namespace CampWater.Silo.Archive;

/// <summary>The archive's figures for <c>/metrics</c>: what waits, what was written, what failed and what was lost.</summary>
public sealed class ArchiveMetrics(ArchiveBuffer buffer) : IMetricsSource
{
    public const string BufferFull = "buffer-full";
    public const string Rejected = "rejected";
    public const string Shutdown = "shutdown";
    public const string Invalid = "invalid";

    private long _enqueued;
    private long _written;
    private long _failures;
    private long _droppedBufferFull;
    private long _droppedRejected;
    private long _droppedShutdown;
    private long _droppedInvalid;

    public long Written => Interlocked.Read(ref _written);

    public long Failures => Interlocked.Read(ref _failures);

    public long Enqueued => Interlocked.Read(ref _enqueued);

    public long DroppedTotal =>
        Interlocked.Read(ref _droppedBufferFull) + Interlocked.Read(ref _droppedRejected)
        + Interlocked.Read(ref _droppedShutdown) + Interlocked.Read(ref _droppedInvalid);

    public void Enqueued1() => Interlocked.Increment(ref _enqueued);

    public void WrittenPoints(long count) => Interlocked.Add(ref _written, count);

    public void WriteFailed() => Interlocked.Increment(ref _failures);

    public void Dropped(string reason, long count = 1)
    {
        switch (reason)
        {
            case BufferFull: Interlocked.Add(ref _droppedBufferFull, count); break;
            case Rejected: Interlocked.Add(ref _droppedRejected, count); break;
            case Shutdown: Interlocked.Add(ref _droppedShutdown, count); break;
            default: Interlocked.Add(ref _droppedInvalid, count); break;
        }
    }

    public void WriteTo(PrometheusWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Describe("campwater_archive_queue_depth", "gauge", "Archive points waiting to be written (memory and spill files).");
        writer.Sample("campwater_archive_queue_depth", buffer.Count);
        writer.Describe("campwater_archive_queue_capacity", "gauge", "Archive points that memory holds at most.");
        writer.Sample("campwater_archive_queue_capacity", buffer.Capacity);
        writer.Describe("campwater_archive_spilled_points", "gauge", "Archive points waiting in spill files on disk.");
        writer.Sample("campwater_archive_spilled_points", buffer.SpilledCount);
        writer.Describe("campwater_archive_points_enqueued_total", "counter", "Archive points queued.");
        writer.Sample("campwater_archive_points_enqueued_total", Enqueued);
        writer.Describe("campwater_archive_points_written_total", "counter", "Archive points the server has taken.");
        writer.Sample("campwater_archive_points_written_total", Written);
        writer.Describe("campwater_archive_write_failures_total", "counter", "Archive write requests that failed (each is retried).");
        writer.Sample("campwater_archive_write_failures_total", Failures);
        writer.Describe("campwater_archive_points_dropped_total", "counter", "Archive points lost, by reason.");
        writer.Sample("campwater_archive_points_dropped_total", Interlocked.Read(ref _droppedBufferFull), ("reason", BufferFull));
        writer.Sample("campwater_archive_points_dropped_total", Interlocked.Read(ref _droppedRejected), ("reason", Rejected));
        writer.Sample("campwater_archive_points_dropped_total", Interlocked.Read(ref _droppedShutdown), ("reason", Shutdown));
        writer.Sample("campwater_archive_points_dropped_total", Interlocked.Read(ref _droppedInvalid), ("reason", Invalid));
    }
}
