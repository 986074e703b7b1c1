using CampWater.Alerts;
using CampWater.Registry;
using CampWater.Services;

namespace CampWater.Grains;

/// <summary>
/// A camp's services: water quality tests, water points with their tap counts, and sanitation counts. Its
/// alerts go to the camp's alert book as sequenced signals. Key: the camp id.
/// </summary>
[Alias("campwater.IServicesGrain")]
public interface IServicesGrain : IGrainWithStringKey
{
    /// <summary>The camp's configuration, from the camp, which owns it; returns the figures for its summary.</summary>
    [Alias("Configure")]
    Task<ServiceFigures> Configure(CampConfig config);

    [Alias("GetFigures"), ReadOnly]
    Task<ServiceFigures> GetFigures();

    /// <summary>Records a test from a sensor or a person and judges it; returns once it is stored.</summary>
    [Alias("RecordQuality")]
    Task<QualityResult> RecordQuality(QualityReading reading);

    /// <summary>Tests dated within [<paramref name="from"/>, <paramref name="to"/>], newest first.</summary>
    [Alias("GetQuality"), ReadOnly]
    Task<QualityTest[]> GetQuality(DateTimeOffset from, DateTimeOffset to);

    [Alias("GetPoints"), ReadOnly]
    Task<WaterPoint[]> GetPoints();

    /// <summary>A tap count checked on site; null when the camp has no such point.</summary>
    [Alias("RecordTapCount")]
    Task<WaterPoint?> RecordTapCount(string pointId, TapCount count);

    [Alias("RecordSanitation")]
    Task<Sanitation> RecordSanitation(SanitationCounts counts, string by);

    /// <summary>The last counts; null until anyone (or the registry) gave them.</summary>
    [Alias("GetSanitation"), ReadOnly]
    Task<Sanitation?> GetSanitation();

    /// <summary>
    /// The camp's taps and latrines over time, oldest first: each change since <paramref name="since"/>, with the
    /// one in force at that moment first (the figures now when nothing was recorded before).
    /// </summary>
    [Alias("GetAccessHistory"), ReadOnly]
    Task<AccessSnapshot[]> GetAccessHistory(DateTimeOffset since);

    /// <summary>The camp has stored every signal up to and including <paramref name="seq"/>.</summary>
    [Alias("SignalsTaken"), OneWay]
    Task SignalsTaken(long seq);

    /// <summary>After a manual resolve: forget that the condition holds at that place, so that it raises a new alert when it holds again.</summary>
    [Alias("ResetAlert")]
    Task ResetAlert(string? tankId, string? pointId, AlertKind kind);
}
