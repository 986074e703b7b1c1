using System.Globalization;

namespace CampWater.Silo.Archive;

/// <summary>
/// The archive's points waiting to be written, oldest first: a bounded queue in memory and, when a spill
/// folder is given, files of whole batches on disk that take what memory should not hold and what is
/// left at shutdown. One writer takes a batch at a time and completes it once the server has it, so a
/// point leaves the buffer only when it is written (or counted as dropped). Adding never waits on I/O.
/// </summary>
public sealed class ArchiveBuffer
{
    private const string SegmentExtension = ".lp";
    private const long FirstSequence = 100_000_000_000;

    private readonly Lock _lock = new();
    private readonly Queue<string> _memory = new();
    private readonly Queue<Segment> _segments = new();
    private readonly SemaphoreSlim _batchReady = new(0, 1);
    private readonly SemaphoreSlim _spillWanted = new(0, 1);
    private readonly string? _spillDirectory;
    private readonly long _spillMaxBytes;
    private readonly SemaphoreSlim _spilling = new(1, 1);

    // Lines moved out of memory for a spill file that is being written, or that could not be written:
    // they come before everything left in memory.
    private List<string>? _detached;
    private bool _detachedParked;
    private ArchiveBatch? _taken;
    private long _spilledPoints;
    private long _spilledBytes;
    private long _nextSequence = FirstSequence;

    public ArchiveBuffer(int capacity, int batchSize, string? spillDirectory = null, long spillMaxBytes = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        Capacity = capacity;
        BatchSize = batchSize;
        _spillDirectory = spillDirectory;
        _spillMaxBytes = spillMaxBytes;
        if (spillDirectory is not null)
        {
            LoadSegments(spillDirectory);
        }
    }

    /// <summary>Points that memory holds at most.</summary>
    public int Capacity { get; }

    public int BatchSize { get; }

    public bool CanSpill => _spillDirectory is not null;

    /// <summary>All points waiting: in memory, on disk and taken but not yet written.</summary>
    public long Count
    {
        get
        {
            lock (_lock)
            {
                return _memory.Count + (_detached?.Count ?? 0) + _spilledPoints + (_taken is { SegmentPath: null } t ? t.Count : 0);
            }
        }
    }

    /// <summary>Points in spill files.</summary>
    public long SpilledCount
    {
        get
        {
            lock (_lock)
            {
                return _spilledPoints;
            }
        }
    }

    /// <summary>Queues a point; false when memory is full (the caller counts it as dropped).</summary>
    public bool TryAdd(string line)
    {
        bool batch, spill;
        lock (_lock)
        {
            if (_memory.Count + (_detached?.Count ?? 0) >= Capacity)
            {
                return false;
            }

            _memory.Enqueue(line);
            batch = _memory.Count >= BatchSize;
            spill = _spillDirectory is not null && _memory.Count > Capacity / 2;
        }

        if (batch)
        {
            Signal(_batchReady);
        }

        if (spill)
        {
            Signal(_spillWanted);
        }

        return true;
    }

    /// <summary>Waits until a whole batch is waiting, or at most <paramref name="maxWait"/>.</summary>
    public async Task WaitForBatchAsync(TimeSpan maxWait, CancellationToken cancellationToken)
    {
        if (Count >= BatchSize)
        {
            return;
        }

        await _batchReady.WaitAsync(maxWait, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until memory is more than half full, or at most <paramref name="maxWait"/>.</summary>
    public async Task WaitForSpillAsync(TimeSpan maxWait, CancellationToken cancellationToken) =>
        await _spillWanted.WaitAsync(maxWait, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The oldest points, at most a batch: a spill file first, then memory. Null when nothing is waiting
    /// or while a spill of the oldest memory points is being written. One batch at a time.
    /// </summary>
    public ArchiveBatch? TryTake()
    {
        Segment? segment;
        lock (_lock)
        {
            if (_taken is not null)
            {
                throw new InvalidOperationException("The batch taken before has not been completed or returned.");
            }

            if (!_segments.TryPeek(out segment))
            {
                if (_detached is not null)
                {
                    if (!_detachedParked)
                    {
                        return null;
                    }

                    var count = Math.Min(BatchSize, _detached.Count);
                    var parked = _detached.GetRange(0, count);
                    _detached.RemoveRange(0, count);
                    if (_detached.Count == 0)
                    {
                        _detached = null;
                        _detachedParked = false;
                    }

                    return _taken = new ArchiveBatch(parked, null);
                }

                if (_memory.Count == 0)
                {
                    return null;
                }

                var lines = new List<string>(Math.Min(BatchSize, _memory.Count));
                while (lines.Count < BatchSize && _memory.TryDequeue(out var line))
                {
                    lines.Add(line);
                }

                return _taken = new ArchiveBatch(lines, null);
            }
        }

        // Only the one writer takes segments, so the file is read outside the lock.
        var read = File.ReadAllLines(segment.Path);
        lock (_lock)
        {
            return _taken = new ArchiveBatch(read, segment.Path);
        }
    }

    /// <summary>The batch taken before and not completed (a write that was interrupted), else <see cref="TryTake"/>.</summary>
    public ArchiveBatch? TryTakeAgain()
    {
        lock (_lock)
        {
            if (_taken is not null)
            {
                return _taken;
            }
        }

        return TryTake();
    }

    /// <summary>The batch is written: its points leave the buffer.</summary>
    public void Complete(ArchiveBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.SegmentPath is { } path)
        {
            File.Delete(path);
        }

        lock (_lock)
        {
            if (!ReferenceEquals(batch, _taken))
            {
                throw new InvalidOperationException("This batch is not the one taken.");
            }

            _taken = null;
            if (batch.SegmentPath is not null)
            {
                var segment = _segments.Dequeue();
                _spilledPoints -= segment.Count;
                _spilledBytes -= segment.Bytes;
            }
        }
    }

    /// <summary>
    /// While the server is away: moves the oldest memory points to spill files, a batch per file, until
    /// memory is at most half full or the spill folder is at its limit.
    /// </summary>
    public async Task<int> SpillIfHighAsync(CancellationToken cancellationToken)
    {
        if (_spillDirectory is null)
        {
            return 0;
        }

        await _spilling.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var spilled = 0;
            while (!cancellationToken.IsCancellationRequested)
            {
                var moved = SpillOnce(Capacity / 2);
                if (moved == 0)
                {
                    return spilled;
                }

                spilled += moved;
            }

            return spilled;
        }
        finally
        {
            _spilling.Release();
        }
    }

    /// <summary>
    /// At shutdown: writes everything still in memory (and a taken batch from memory) to spill files, to
    /// be written after the next start. Returns the points that could not be kept.
    /// </summary>
    public async Task<long> SpillAllAsync(CancellationToken cancellationToken)
    {
        long lost;
        if (_spillDirectory is not null)
        {
            await _spilling.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                ArchiveBatch? taken;
                lock (_lock)
                {
                    taken = _taken is { SegmentPath: null } t ? t : null;
                    if (taken is not null)
                    {
                        _taken = null;
                    }
                }

                if (taken is not null && !TryWriteSegment([.. taken.Lines], first: true))
                {
                    lock (_lock)
                    {
                        _taken = taken;
                    }
                }

                while (SpillOnce(0) > 0)
                {
                }
            }
            finally
            {
                _spilling.Release();
            }
        }

        lock (_lock)
        {
            lost = _memory.Count + (_detached?.Count ?? 0) + (_taken is { SegmentPath: null } t ? t.Count : 0);
        }

        return lost;
    }

    private int SpillOnce(int keepInMemory)
    {
        List<string> lines;
        lock (_lock)
        {
            if (_spilledBytes >= _spillMaxBytes)
            {
                return 0;
            }

            if (_detached is not null)
            {
                // Lines a failed spill kept in memory go first; none while a spill is under way.
                if (!_detachedParked)
                {
                    return 0;
                }

                lines = _detached;
            }
            else
            {
                if (_memory.Count <= keepInMemory)
                {
                    return 0;
                }

                var count = Math.Min(BatchSize, _memory.Count - keepInMemory);
                lines = new List<string>(count);
                while (lines.Count < count && _memory.TryDequeue(out var line))
                {
                    lines.Add(line);
                }

                _detached = lines;
            }

            _detachedParked = false;
        }

        if (TryWriteSegment(lines, first: false))
        {
            return lines.Count;
        }

        lock (_lock)
        {
            // Kept in memory, ahead of the rest; spilling stops until the folder takes files again.
            _detachedParked = true;
        }

        return 0;
    }

    private bool TryWriteSegment(List<string> lines, bool first)
    {
        long sequence;
        lock (_lock)
        {
            sequence = first && _segments.Count > 0 ? _segments.Peek().Sequence - 1 : _nextSequence++;
        }

        var path = Path.Combine(_spillDirectory!, SegmentName(sequence, lines.Count));
        var temporary = path + ".tmp";
        try
        {
            File.WriteAllLines(temporary, lines);
            File.Move(temporary, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LastSpillError = e.Message;
            TryDelete(temporary);
            return false;
        }

        var bytes = new FileInfo(path).Length;
        lock (_lock)
        {
            var segment = new Segment(path, sequence, lines.Count, bytes);
            if (first)
            {
                var rest = _segments.ToArray();
                _segments.Clear();
                _segments.Enqueue(segment);
                foreach (var s in rest)
                {
                    _segments.Enqueue(s);
                }
            }
            else
            {
                _segments.Enqueue(segment);
            }

            _spilledPoints += lines.Count;
            _spilledBytes += bytes;
            if (!first)
            {
                _detached = null;
            }
        }

        return true;
    }

    /// <summary>Why the last spill file could not be written, for the log.</summary>
    public string? LastSpillError { get; private set; }

    private void LoadSegments(string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var stray in Directory.EnumerateFiles(directory, "*" + SegmentExtension + ".tmp"))
        {
            TryDelete(stray);
        }

        var found = new List<Segment>();
        foreach (var path in Directory.EnumerateFiles(directory, "*" + SegmentExtension))
        {
            var parts = Path.GetFileNameWithoutExtension(path).Split('-');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                found.Add(new Segment(path, sequence, count, new FileInfo(path).Length));
            }
        }

        foreach (var segment in found.OrderBy(s => s.Sequence))
        {
            _segments.Enqueue(segment);
            _spilledPoints += segment.Count;
            _spilledBytes += segment.Bytes;
            _nextSequence = Math.Max(_nextSequence, segment.Sequence + 1);
        }
    }

    private static void Signal(SemaphoreSlim signal)
    {
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread signalled first.
            }
        }
    }

    private static string SegmentName(long sequence, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence:D15}-{count}{SegmentExtension}");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next start to clear.
        }
    }

    private sealed record Segment(string Path, long Sequence, int Count, long Bytes);
}
