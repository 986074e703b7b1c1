namespace CampWater.Load;

/// <summary>What one run of the load generator published.</summary>
public sealed record LoadResult(long Published, long Failed, TimeSpan Elapsed, DateTimeOffset StartedAt, DateTimeOffset EndedAt)
{
    public double Rate => Elapsed > TimeSpan.Zero ? Published / Elapsed.TotalSeconds : 0;
}
