using CampWater.Silo.Archive;

namespace CampWater.ArchiveTests;

/// <summary>A server stand-in for the writer's unit tests: records what it takes, fails when told to.</summary>
internal sealed class FakePointWriter : IPointWriter
{
    private readonly Lock _lock = new();
    private readonly List<string> _taken = [];

    /// <summary>Requests that fail as if the server were down, before the first succeeds.</summary>
    public int FailFirst { get; set; }

    /// <summary>Every request fails as if the server were down.</summary>
    public bool Down { get; set; }

    /// <summary>A line the server refuses for its content.</summary>
    public string? Refuse { get; set; }

    public int Requests { get; private set; }

    public IReadOnlyList<string> Taken
    {
        get
        {
            lock (_lock)
            {
                return [.. _taken];
            }
        }
    }

    public Task WriteAsync(IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Requests++;
            if (Down || Requests <= FailFirst)
            {
                throw new HttpRequestException("Connection refused (127.0.0.1:1)");
            }

            if (Refuse is not null && lines.Contains(Refuse))
            {
                throw new PointsRejectedException("400: unable to parse");
            }

            _taken.AddRange(lines);
        }

        return Task.CompletedTask;
    }
}
