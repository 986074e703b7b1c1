using CampWater.Registry;
using CampWater.Status;

namespace CampWater.Services;

/// <summary>A camp's water points with their tap counts, and the figures of its summary.</summary>
public static class WaterPoints
{
    /// <summary>
    /// A point as the API shows it. Until its first tap count every tap counts as usable; a count above the
    /// taps the point has now (its taps were changed since) counts as all of them.
    /// </summary>
    public static WaterPoint View(WaterPointConfig point, PointStatus? status)
    {
        ArgumentNullException.ThrowIfNull(point);
        var usable = status is null ? point.Taps : Math.Min(status.UsableTaps, point.Taps);
        return new WaterPoint(point.Id, point.Name, point.Kind, point.TankId, point.Taps, point.Location,
            usable, status?.At, status?.By, status?.Note);
    }

    public static ServiceFigures Figures(ServicesConfig services, IReadOnlyDictionary<string, PointStatus> statuses, SanitationCounts? sanitation)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(statuses);
        int? taps = null, usable = null;
        foreach (var point in services.Points)
        {
            taps = (taps ?? 0) + point.Taps;
            usable = (usable ?? 0) + View(point, statuses.GetValueOrDefault(point.Id)).UsableTaps;
        }

        return new ServiceFigures(taps, usable, sanitation?.UsableLatrines, sanitation?.UsableShowers);
    }

    /// <summary>The camp's summary with its services' figures, per person of <paramref name="summary"/>'s population.</summary>
    public static CampSummary WithFigures(CampSummary summary, ServiceFigures figures)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(figures);
        return summary with
        {
            UsableTaps = figures.UsableTaps,
            PeoplePerUsableTap = AccessRules.PeoplePer(summary.Population, figures.UsableTaps),
            PeoplePerUsableLatrine = AccessRules.PeoplePer(summary.Population, figures.UsableLatrines),
            PeoplePerUsableShower = AccessRules.PeoplePer(summary.Population, figures.UsableShowers),
        };
    }
}
