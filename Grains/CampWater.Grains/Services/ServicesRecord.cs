using CampWater.Alerts;
using CampWater.Registry;

namespace CampWater.Services;

/// <summary>
/// What a camp's services persist besides the quality tests: the camp's configuration as the camp last gave
/// it, the tap counts and sanitation counts field staff made, what the rules remember, and the alert signals
/// the camp has not confirmed yet.
/// </summary>
[GenerateSerializer, Alias("campwater.ServicesRecord")]
public sealed class ServicesRecord
{
    [Id(0)] public CampConfig? Config { get; set; }

    /// <summary>Point id → its last tap count; a point without one has every tap usable.</summary>
    [Id(1)] public Dictionary<string, PointStatus> Points { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The last counts field staff made; null until then (the registry's counts, if any, stand in).</summary>
    [Id(2)] public Sanitation? Sanitation { get; set; }

    [Id(3)] public QualityMemory Quality { get; set; } = new();

    [Id(4)] public AccessMemory Access { get; set; } = new();

    /// <summary>Signals sent to the camp and not yet confirmed, oldest first; each names its place.</summary>
    [Id(5)] public List<SequencedSignal> PendingSignals { get; set; } = [];

    [Id(6)] public long LastSignalSeq { get; set; }

    /// <summary>The camp's taps and latrines each time they changed, oldest first, for the monthly report's worst day.</summary>
    [Id(7)] public List<AccessSnapshot> AccessHistory { get; set; } = [];
}
