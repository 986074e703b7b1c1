namespace CampWater.Silo.Archive;

/// <summary>Points taken from the buffer to be written, oldest first; they count as buffered until completed.</summary>
public sealed class ArchiveBatch
{
    internal ArchiveBatch(IReadOnlyList<string> lines, string? segmentPath)
    {
        Lines = lines;
        SegmentPath = segmentPath;
    }

    public IReadOnlyList<string> Lines { get; }

    public int Count => Lines.Count;

    /// <summary>The spill file the points came from, deleted once they are written.</summary>
    internal string? SegmentPath { get; }
}
