namespace CampWater.Bench;

/// <summary>
/// One load phase against one silo. Rates are per second; CPU is % of one core over the phase (publishing
/// and draining); latencies are milliseconds.
/// </summary>
public sealed record PhaseResult
{
    public required string Name { get; init; }
    public required string Storage { get; init; }
    public required int Tanks { get; init; }
    public required int Camps { get; init; }
    public required int Qos { get; init; }

    /// <summary>Readings per second asked of the generator; 0 means as fast as the broker took them.</summary>
    public required double TargetRate { get; init; }
    public required double PublishSeconds { get; init; }
    public required long Published { get; init; }
    public required long PublishFailed { get; init; }
    public required double PublishRate { get; init; }

    public required long Accepted { get; init; }
    public required long Applied { get; init; }
    public required long Duplicates { get; init; }
    public required long Late { get; init; }
    public required long SensorFaults { get; init; }
    public required long Rejected { get; init; }

    /// <summary>Readings the silo could not hand to their tank (left unacknowledged for redelivery).</summary>
    public required long Failed { get; init; }

    /// <summary>Published (and acknowledged by the broker) but never received by the silo.</summary>
    public required long Dropped { get; init; }

    /// <summary>Seconds after the last publish until the silo had accepted everything.</summary>
    public required double DrainSeconds { get; init; }

    /// <summary>Accepted readings over the time from the first publish until the last was accepted.</summary>
    public required double SustainedRate { get; init; }

    /// <summary>Accepted per second, second by second while publishing.</summary>
    public required double[] AcceptedPerSecond { get; init; }

    /// <summary>Publish → applied and stored, from the silo's reading-age histogram (the generator stamps ts at publishing).</summary>
    public double? P50Ms { get; init; }
    public double? P99Ms { get; init; }
    public double? P999Ms { get; init; }

    /// <summary>Receipt by the silo → stored, from its ingest-latency histogram (coarse buckets).</summary>
    public double? IngestP99Ms { get; init; }

    public required double SiloCpuPct { get; init; }

    /// <summary>Silo CPU time per accepted reading: what a reading costs, whatever else shares the machine.</summary>
    public required double SiloCpuMicrosPerReading { get; init; }
    public required double BrokerCpuPct { get; init; }
    public required double GeneratorCpuPct { get; init; }
    public required long SiloRssMaxBytes { get; init; }
    public required long SiloPeakRssBytes { get; init; }
    public required double GcPauseMs { get; init; }
    public required double AllocatedBytesPerReading { get; init; }
    public required long Gen0 { get; init; }
    public required long Gen1 { get; init; }
    public required long Gen2 { get; init; }

    public LiveResult? Live { get; init; }
}

/// <summary>Publish → <c>tankUpdated</c> at a hub client, over the tanks it watched.</summary>
public sealed record LiveResult(int WatchedTanks, long Messages, double? P50Ms, double? P99Ms, double? P999Ms, double? MaxMs);
