using CampWater.Alerts;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Water;

namespace CampWater.Tanks;

/// <summary>
/// Everything one tank knows: its configuration, its newest reading, the filtered estimate of its level and the
/// state of its ledger, its ledger of camp-local days and a bounded history of levels. Mutated only through <see cref="TankModel"/>
/// (the tank grain fills <see cref="HistoryTail"/> before each write).
/// </summary>
[GenerateSerializer, Alias("campwater.TankRecord")]
public sealed class TankRecord
{
    [Id(0)] public TankConfig? Config { get; set; }
    [Id(1)] public string? CampId { get; set; }
    [Id(2)] public string TimeZone { get; set; } = "UTC";
    [Id(3)] public int DefaultServesPopulation { get; set; }
    [Id(4)] public LatestReading? Latest { get; set; }
    /// <summary>The ledger's state: what it counts from.</summary>
    [Id(5)] public NoiseFilter Filter { get; set; } = new();

    /// <summary>Camp-local days, oldest first, at most <see cref="TankModel.DaysKept"/>.</summary>
    [Id(6)] public List<TankDayRecord> Days { get; set; } = [];

    /// <summary>
    /// Levels, oldest first, thinned as they age (see <see cref="TankModel"/>). Not stored with the record:
    /// the tank keeps it in its own <see cref="TankHistoryRecord"/> and the newest points in <see cref="HistoryTail"/>.
    /// </summary>
    [field: NonSerialized]
    public List<LevelPoint> History { get; set; } = [];

    /// <summary>
    /// Where records stored before the history had its own record kept it (the same Id 7): read once on
    /// activation, taken into <see cref="History"/>, and null in every record written since.
    /// </summary>
    [Id(7)] public List<LevelPoint>? LegacyHistory { get; set; }

    /// <summary>Timestamps of the last applied readings, to know a redelivered one as a duplicate.</summary>
    [Id(8)] public List<DateTimeOffset> RecentTs { get; set; } = [];

    [Id(9)] public TankCounters Counters { get; set; } = new();

    /// <summary>When the last physically impossible reading came; null once the sensor has recovered.</summary>
    [Id(10)] public DateTimeOffset? FaultSince { get; set; }

    /// <summary>Plausible readings in a row since the last impossible one.</summary>
    [Id(11)] public int PlausibleSinceFault { get; set; }

    [Id(12)] public string? LastFaultReason { get; set; }

    /// <summary>Receipt time of the newest accepted reading (faults included): the sensor is alive.</summary>
    [Id(13)] public DateTimeOffset? LastHeardAt { get; set; }

    [Id(14)] public string QuietHours { get; set; } = CampConfig.DefaultQuietHours;

    /// <summary>What the tank's alert rules remember between readings.</summary>
    [Id(15)] public TankAlertMemory AlertMemory { get; set; } = new();

    /// <summary>Whether a sensor-fault alert was raised and not yet cleared or reset.</summary>
    [Id(16)] public bool FaultAlertRaised { get; set; }

    /// <summary>Open alerts of this tank, as its camp (which owns alerts) last said.</summary>
    [Id(17)] public int OpenAlerts { get; set; }

    /// <summary>Alert signals the camp has not confirmed yet; sent again until it does, so none is lost in a crash.</summary>
    [Id(18)] public List<SequencedSignal> PendingSignals { get; set; } = [];

    /// <summary>The number of the last alert signal emitted.</summary>
    [Id(19)] public long LastSignalSeq { get; set; }

    /// <summary>The points of <see cref="History"/> newer than its record holds, at most a few (see <see cref="HistorySplit"/>).</summary>
    [Id(20)] public List<LevelPoint> HistoryTail { get; set; } = [];

    /// <summary>The filtered estimate of the level, which the ledger and the alert rules work from.</summary>
    [Id(21)] public LevelEstimate Estimate { get; set; } = new();

    /// <summary>The estimate's level as a share of full height; null before the first reading.</summary>
    [Id(22)] public double? EstimatePct { get; set; }

    /// <summary>The sensor's usual interval between readings: the median of its recent gaps; null until there are any.</summary>
    [Id(23)] public double? UsualIntervalSeconds { get; set; }

    /// <summary>The tank's inflow meter, for a tank with one on its inlet.</summary>
    [Id(24)] public InflowMeter Meter { get; set; } = new();

    /// <summary>The fill being followed, and the fills seen that the camp's trucking has not taken yet.</summary>
    [Id(40)] public Trucking.FillWatch Fills { get; set; } = new();
}
