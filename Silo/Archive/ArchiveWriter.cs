using CampWater.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace CampWater.Silo.Archive;

/// <summary>
/// Sends the buffer to the archive server in batches, oldest first. A batch leaves the buffer only once
/// the server has it: while the server is down or answers errors the same batch is tried again with a
/// growing pause (up to <see cref="ArchiveOptions.RetryMaxSeconds"/>), and meanwhile memory spills to
/// disk when a folder is configured. A batch that the server refuses for its content is halved until
/// the refused points are found; only those are dropped, counted and logged. At shutdown the buffer
/// is written within <see cref="ArchiveOptions.ShutdownTimeoutSeconds"/>, and what remains is spilled
/// for the next start (or counted as dropped when there is no spill folder).
/// </summary>
public sealed partial class ArchiveWriter(
    ArchiveBuffer buffer,
    IPointWriter writer,
    ArchiveMetrics metrics,
    IOptions<CampWaterOptions> options,
    ILogger<ArchiveWriter> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan SpillCheck = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    private readonly ArchiveOptions _options = options.Value.Archive;
    private int _failuresInRow;
    private DateTimeOffset _lastFailureLog = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        if (buffer.Count > 0)
        {
            LogResuming(buffer.Count, buffer.SpilledCount);
        }

        var spill = buffer.CanSpill ? SpillLoopAsync(stoppingToken) : Task.CompletedTask;
        var flushInterval = TimeSpan.FromSeconds(_options.FlushIntervalSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await buffer.WaitForBatchAsync(flushInterval, stoppingToken);
                while (buffer.TryTake() is { } batch)
                {
                    await WriteUntilTakenAsync(batch.Lines, 0, batch.Count, stoppingToken);
                    buffer.Complete(batch);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: drain below.
        }

        await spill;
    }

    /// <summary>Stops the loop, then writes what is buffered (bounded) and spills the rest.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The loop may never have run (a stop right after the start), so the drain is done here.
        if (ExecuteTask is { IsCompleted: false })
        {
            LogStillWriting();
            return;
        }

        await DrainAsync();
    }

    /// <summary>Writes lines[offset..offset+count) until the server has them, or their refused ones are dropped.</summary>
    private async Task WriteUntilTakenAsync(IReadOnlyList<string> lines, int offset, int count, CancellationToken cancellationToken)
    {
        var slice = offset == 0 && count == lines.Count ? lines : lines.Skip(offset).Take(count).ToArray();
        var pause = FirstRetry;
        var maxPause = TimeSpan.FromSeconds(_options.RetryMaxSeconds);
        while (true)
        {
            try
            {
                await writer.WriteAsync(slice, cancellationToken);
                metrics.WrittenPoints(count);
                if (_failuresInRow > 0)
                {
                    LogRecovered(_failuresInRow, buffer.Count);
                    _failuresInRow = 0;
                    _lastFailureLog = DateTimeOffset.MinValue;
                }

                return;
            }
            catch (PointsRejectedException e)
            {
                metrics.WriteFailed();
                if (count == 1)
                {
                    metrics.Dropped(ArchiveMetrics.Rejected);
                    LogRejected(e.Message, slice[0]);
                    return;
                }

                var half = count / 2;
                await WriteUntilTakenAsync(lines, offset, half, cancellationToken);
                await WriteUntilTakenAsync(lines, offset + half, count - half, cancellationToken);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                metrics.WriteFailed();
                _failuresInRow++;
                var now = DateTimeOffset.UtcNow;
                if (now - _lastFailureLog >= LogEvery)
                {
                    _lastFailureLog = now;
                    LogWriteFailed(_failuresInRow, buffer.Count, e.GetType().Name, e.Message);
                }

                // Jitter keeps silos that lost the same server from returning to it in step.
                var wait = pause * (0.75 + (Random.Shared.NextDouble() * 0.5));
                await Task.Delay(wait, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(maxPause.Ticks, pause.Ticks * 2));
            }
        }
    }

    private async Task SpillLoopAsync(CancellationToken stoppingToken)
    {
        string? reported = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await buffer.WaitForSpillAsync(SpillCheck, stoppingToken);
                await buffer.SpillIfHighAsync(stoppingToken);
                if (buffer.LastSpillError is { } error && error != reported)
                {
                    reported = error;
                    LogSpillFailed(error);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DrainAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ShutdownTimeoutSeconds));
        var start = buffer.Count;
        try
        {
            // A batch taken before the stop comes first.
            while (buffer.TryTakeAgain() is { } batch)
            {
                await WriteUntilTakenAsync(batch.Lines, 0, batch.Count, deadline.Token);
                buffer.Complete(batch);
                if (buffer.Count == 0)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Out of time: what is left is kept below.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSpillFailed(e.Message);
        }

        using var spillTime = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var lost = await buffer.SpillAllAsync(spillTime.Token);
        if (lost > 0)
        {
            metrics.Dropped(ArchiveMetrics.Shutdown, lost);
            LogLostAtShutdown(lost);
        }

        LogStopped(start, metrics.Written, buffer.SpilledCount);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive: the host stopped waiting before the writer ended; what is buffered is not flushed")]
    private partial void LogStillWriting();

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive: {Waiting} points waiting from before ({Spilled} in spill files); writing them first")]
    private partial void LogResuming(long waiting, long spilled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive write failed ({Failures} in a row, {Waiting} points waiting; retrying): {Error}: {Message}")]
    private partial void LogWriteFailed(int failures, long waiting, string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive writes resumed after {Failures} failed attempts; {Waiting} points waiting")]
    private partial void LogRecovered(int failures, long waiting);

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive server refused a point, which is dropped ({Reason}): {Line}")]
    private partial void LogRejected(string reason, string line);

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive spill folder cannot take more points: {Reason}")]
    private partial void LogSpillFailed(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Archive: {Lost} points could neither be written nor spilled at shutdown and are lost")]
    private partial void LogLostAtShutdown(long lost);

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive stopped: {Waiting} points were waiting at the stop, {Written} written in all, {Spilled} left in spill files")]
    private partial void LogStopped(long waiting, long written, long spilled);
}
