using CampWater.Status;

namespace CampWater.Tanks;

/// <summary>
/// Where a tank's level history stands between its two stored parts: the history record, written now and
/// then with the whole history (a flush), and the tail of newer points that the tank's record carries in
/// every write. Decides when to flush, fills the tail, and puts the history back together on activation.
/// </summary>
/// <remarks>
/// A flush writes the history record first and the tank record (with an empty tail) after it. A crash
/// between the two leaves the previous tail, whose points the history record already holds, and
/// perhaps points of readings the tank record never took: <see cref="Restore"/> merges by time and drops
/// those, since their readings were never acknowledged and come again.
/// </remarks>
public sealed class HistorySplit
{
    /// <summary>A tail whose first point is older than this before its newest is flushed.</summary>
    public static readonly TimeSpan TailSpan = TimeSpan.FromMinutes(10);

    /// <summary>A tail longer than this is flushed, however short its span.</summary>
    public const int TailMax = 16;

    /// <summary>How many points of the history the history record holds: its first ones, up to <see cref="_flushedUpTo"/>.</summary>
    private int _flushedCount;

    private DateTimeOffset? _flushedUpTo;

    private HistorySplit(IReadOnlyList<LevelPoint> flushed) => Flushed(flushed);

    /// <summary>
    /// The history on activation, built in place in <paramref name="flushed"/> (the history record's
    /// points): those up to <paramref name="appliedUpTo"/> (the tank's newest applied reading), then the
    /// <paramref name="tail"/> points after the last of them.
    /// </summary>
    public static HistorySplit Restore(List<LevelPoint> flushed, IEnumerable<LevelPoint> tail, DateTimeOffset? appliedUpTo)
    {
        var kept = flushed.Count;
        while (kept > 0 && (appliedUpTo is null || flushed[kept - 1].Ts > appliedUpTo))
        {
            kept--;
        }

        flushed.RemoveRange(kept, flushed.Count - kept);
        var split = new HistorySplit(flushed);
        foreach (var point in tail)
        {
            if (point.Ts <= appliedUpTo && (flushed.Count == 0 || point.Ts > flushed[^1].Ts))
            {
                flushed.Add(point);
            }
        }

        return split;
    }

    /// <summary>
    /// Whether the history record should be written before the tank record: the tail has grown old or
    /// long, or the flushed part of the history was trimmed or compacted since.
    /// </summary>
    public bool FlushDue(IReadOnlyList<LevelPoint> history)
    {
        var start = TailStart(history);
        if (start != _flushedCount)
        {
            return true;
        }

        var count = history.Count - start;
        return count > TailMax || (count > 0 && history[^1].Ts - history[start].Ts > TailSpan);
    }

    /// <summary>Records that the history record now holds the whole of <paramref name="history"/>.</summary>
    public void Flushed(IReadOnlyList<LevelPoint> history)
    {
        _flushedCount = history.Count;
        _flushedUpTo = history.Count == 0 ? null : history[^1].Ts;
    }

    /// <summary>Fills <paramref name="tail"/> with the points of <paramref name="history"/> the history record does not hold.</summary>
    public void FillTail(IReadOnlyList<LevelPoint> history, List<LevelPoint> tail)
    {
        tail.Clear();
        for (var i = TailStart(history); i < history.Count; i++)
        {
            tail.Add(history[i]);
        }
    }

    /// <summary>The index of the first point newer than the flushed ones (the history is in time order, the tail short).</summary>
    private int TailStart(IReadOnlyList<LevelPoint> history)
    {
        if (_flushedUpTo is not { } upTo)
        {
            return 0;
        }

        var start = history.Count;
        while (start > 0 && history[start - 1].Ts > upTo)
        {
            start--;
        }

        return start;
    }
}
