namespace CampWater.Trucking;

/// <summary>
/// What <see cref="FillDetector"/> carries between estimates: the fill being followed (from its first rise to
/// the moment the ledger knows the draw during it), and the number of the last fill seen. Kept in the tank's state.
/// </summary>
[GenerateSerializer, Alias("campwater.FillWatch")]
public sealed class FillWatch
{
    [Id(0)] public bool Open { get; set; }

    /// <summary>The instant of the last estimate before the rise: the fill happened after it.</summary>
    [Id(1)] public DateTimeOffset StartedAt { get; set; }

    /// <summary>The ledger's start of the fill, which its estimates of the draw during it are dated from.</summary>
    [Id(2)] public DateTimeOffset LedgerStartAt { get; set; }

    /// <summary>The top of the rise, once the level turned; null while it still rises.</summary>
    [Id(3)] public DateTimeOffset? EndedAt { get; set; }

    [Id(4)] public double RiseL { get; set; }

    [Id(5)] public double EstimatedL { get; set; }

    [Id(6)] public long LastSeq { get; set; }

    /// <summary>Fills seen and not yet taken by the camp's trucking, oldest first.</summary>
    [Id(7)] public List<SeenFill> Pending { get; set; } = [];

    public void Reset()
    {
        Open = false;
        EndedAt = null;
        RiseL = 0;
        EstimatedL = 0;
    }
}
