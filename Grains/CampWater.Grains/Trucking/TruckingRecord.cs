using CampWater.Alerts;

namespace CampWater.Trucking;

/// <summary>What a camp's trucking persists: its deliveries and vouchers, and the alert signals the camp has not confirmed yet.</summary>
[GenerateSerializer, Alias("campwater.TruckingRecord")]
public sealed class TruckingRecord
{
    [Id(0)] public TruckingBook Book { get; set; } = new();

    /// <summary>Signals sent to the camp and not yet confirmed, oldest first; each names its tank.</summary>
    [Id(1)] public List<SequencedSignal> PendingSignals { get; set; } = [];

    [Id(2)] public long LastSignalSeq { get; set; }
}
