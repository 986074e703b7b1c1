namespace CampWater.Status;

/// <summary>
/// The live state of one tank, as the API, the hub and the status topic show it. The level fields are the
/// latest reading as read; <see cref="State"/> and the alerts judge the filtered estimate.
/// <see cref="ReadingIntervalMin"/> is the sensor's usual interval between readings (null until known) and
/// <see cref="OfflineAfterMin"/> the silence after which it counts as offline: the threshold, or three
/// usual intervals when the sensor reports less often.
/// </summary>
[GenerateSerializer, Immutable, Alias("campwater.TankStatus")]
public sealed record TankStatus(
    [property: Id(0)] string CampId,
    [property: Id(1)] string TankId,
    [property: Id(2)] string Name,
    [property: Id(3)] TankState State,
    [property: Id(4)] double CapacityL,
    [property: Id(5)] double? LevelMm,
    [property: Id(6)] double? LevelPct,
    [property: Id(7)] double? VolumeL,
    [property: Id(8)] DateTimeOffset? LastReadingAt,
    [property: Id(9)] double? FlowLph,
    [property: Id(10)] double? HoursToEmpty,
    [property: Id(11)] TankDayTotals Today,
    [property: Id(12)] double? BatteryPct,
    [property: Id(13)] int OpenAlerts)
{
    /// <summary>The battery in volts, when the sensor gives volts (Dragino sends volts, Milesight percent).</summary>
    [Id(14)]
    public double? BatteryV { get; init; }

    /// <summary>The sensor's usual interval between readings, in minutes; null until known.</summary>
    [Id(15)]
    public double? ReadingIntervalMin { get; init; }

    /// <summary>The silence after which the tank counts as offline: its threshold, or three usual intervals if longer.</summary>
    [Id(16)]
    public int OfflineAfterMin { get; init; }

    /// <summary>The latest volume as a share of capacity; <see cref="LevelPct"/> is the share of height, which thresholds use.</summary>
    [Id(17)]
    public double? VolumePct { get; init; }

    /// <summary>The water above the outlet, which can be drawn, by the filtered estimate; null before the first reading.</summary>
    [Id(18)]
    public double? UsableVolumeL { get; init; }

    /// <summary>The tanks this tank supplies by pipe.</summary>
    [Id(19)]
    public System.Collections.Immutable.ImmutableArray<string> Feeds { get; init; } = [];
}
