namespace CampWater.Tanks;

/// <summary>What a tank did with the readings it was given.</summary>
[GenerateSerializer, Alias("campwater.TankCounters")]
public sealed class TankCounters
{
    [Id(0)] public long Applied { get; set; }
    [Id(1)] public long Duplicates { get; set; }
    [Id(2)] public long Late { get; set; }
    [Id(3)] public long Faults { get; set; }

    /// <summary>Readings taken in that the next reading showed to be wild, and that the ledger and alerts left out.</summary>
    [Id(4)] public long Wild { get; set; }
}
