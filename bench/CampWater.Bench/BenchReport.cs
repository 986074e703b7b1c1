namespace CampWater.Bench;

/// <summary>Everything one benchmark run measured, as written to <c>bench/results/{timestamp}.json</c>.</summary>
public sealed record BenchReport
{
    public required DateTimeOffset StartedAt { get; init; }
    public required double Minutes { get; init; }
    public required string Machine { get; init; }
    public required string Commit { get; init; }
    public required string LoadAverageAtStart { get; init; }
    public required string LoadAverageAtEnd { get; init; }
    public required BenchOptions Options { get; init; }
    public required List<PhaseResult> Phases { get; init; }
    /// <summary>mosquitto alone to mosquitto_sub: the broker's relay rate, the ceiling of the ratio target.</summary>
    public RelayResult? Relay { get; init; }

    /// <summary>mosquitto alone to an MQTTnet client, the client CampWater's ingestion uses.</summary>
    public RelayResult? RelayMqttNet { get; init; }
    public BigFleetResult? BigFleet { get; init; }
    public required List<TargetResult> Targets { get; init; }
}

/// <summary>The memory test: many tanks registered, each with one reading.</summary>
public sealed record BigFleetResult(int Tanks, int Camps, double StartSeconds, long Accepted, long RssAfterBytes, long PeakRssBytes, long RssBeforeReadingsBytes);

/// <summary>One of the targets and what this run measured for it.</summary>
public sealed record TargetResult(string Target, string Measured, bool? Met);
