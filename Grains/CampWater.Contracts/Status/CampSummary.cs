using System.Text.Json.Serialization;

namespace CampWater.Status;

/// <summary>A camp at a glance: its water now, today and yesterday against its target.</summary>
[GenerateSerializer, Immutable, Alias("campwater.CampSummary")]
public sealed record CampSummary(
    [property: Id(0)] string CampId,
    [property: Id(1)] string Name,
    [property: Id(2)] string TimeZone,
    [property: Id(3)] int Population,
    [property: Id(4)] double TargetLpd,
    [property: Id(5)] int TankCount,
    [property: Id(6)] double CapacityL,
    [property: Id(7)] double VolumeL,
    [property: Id(8)] double? LevelPct,
    [property: Id(9)] CampDayTotals Today,
    [property: Id(10)] CampDayTotals Yesterday,
    [property: Id(11)] double? CoveragePct,
    [property: Id(12)] double? DaysOfAutonomy,
    [property: Id(13)] AlertCounts OpenAlerts)
{
    /// <summary>Only the API's camp detail carries the tanks; a summary leaves them out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(14)]
    public IReadOnlyList<TankStatus>? Tanks { get; init; }

    /// <summary>Taps that work over all water points (every tap until checked); null for a camp without water points.</summary>
    [Id(15)]
    public int? UsableTaps { get; init; }

    /// <summary>People per usable tap; null when unknown (no water points, or no tap usable).</summary>
    [Id(16)]
    public double? PeoplePerUsableTap { get; init; }

    /// <summary>People per usable latrine; null when unknown (not counted, or none usable).</summary>
    [Id(17)]
    public double? PeoplePerUsableLatrine { get; init; }

    /// <summary>People per usable shower; null when unknown (not counted, or none usable).</summary>
    [Id(18)]
    public double? PeoplePerUsableShower { get; init; }

    /// <summary>The camp-local date from which today's <see cref="Population"/> is in force; null when it was never changed.</summary>
    [Id(19)]
    public DateOnly? PopulationFrom { get; init; }

    /// <summary>Only the camp detail carries it: each tank's water today, what entered it and what left it, over the network.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(20)]
    public IReadOnlyList<TankFlowToday>? Network { get; init; }
}

/// <summary>One tank of a camp's network: the tanks it feeds and its water today.</summary>
[GenerateSerializer, Immutable, Alias("campwater.TankFlowToday")]
public sealed record TankFlowToday(
    [property: Id(0)] string TankId,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<string> Feeds,
    [property: Id(3)] double InL,
    [property: Id(4)] double OutL,
    [property: Id(5)] bool Metered);
