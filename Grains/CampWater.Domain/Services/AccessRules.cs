using CampWater.Alerts;
using CampWater.Registry;
using static CampWater.Alerts.AlertText;

namespace CampWater.Services;

/// <summary>
/// People per usable tap, latrine and shower (UNHCR indicators), and the camp alerts taps-short and
/// latrines-short: a figure above the camp's limit is a warning, resolved once it is back within the limit
/// (the limit itself is within). A figure nobody knows yet (no water points, sanitation not counted) raises
/// nothing and resolves nothing; none usable at all, for a camp with people, is short.
/// </summary>
public static class AccessRules
{
    /// <summary>People per usable unit, to one decimal; null when unknown or when none is usable.</summary>
    public static double? PeoplePer(int population, int? usable) =>
        usable is > 0 ? Math.Round((double)population / usable.Value, 1) : null;

    /// <summary>Re-judges both alerts on the figures now; speaks only when a verdict or its figure changes.</summary>
    public static IReadOnlyList<AlertSignal> Evaluate(AccessMemory memory, int population, ServiceFigures figures, ServicesConfig limits, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(memory);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(limits);
        var signals = new List<AlertSignal>(2);
        var taps = Judge(AlertKind.TapsShort, "tap", population, figures.UsableTaps, limits.MaxPeoplePerTap, at);
        if (Changed(taps, memory.TapsShortHolds, memory.TapsShortValue))
        {
            memory.TapsShortHolds = taps!.Holds;
            memory.TapsShortValue = taps.Holds ? taps.Value : null;
            signals.Add(taps);
        }

        var latrines = Judge(AlertKind.LatrinesShort, "latrine", population, figures.UsableLatrines, limits.MaxPeoplePerLatrine, at);
        if (Changed(latrines, memory.LatrinesShortHolds, memory.LatrinesShortValue))
        {
            memory.LatrinesShortHolds = latrines!.Holds;
            memory.LatrinesShortValue = latrines.Holds ? latrines.Value : null;
            signals.Add(latrines);
        }

        return signals;
    }

    // A holding verdict speaks when it begins or its figure moves; a clearing one only when it held.
    private static bool Changed(AlertSignal? verdict, bool held, double? heldValue) =>
        verdict is not null && (verdict.Holds ? !held || verdict.Value != heldValue : held);

    private static AlertSignal? Judge(AlertKind kind, string unit, int population, int? usable, int limit, DateTimeOffset at)
    {
        if (usable is not { } count)
        {
            return null;
        }

        var people = $"{Litres(population)} {(population == 1 ? "person" : "people")}";
        if (count == 0)
        {
            return population > 0
                ? new AlertSignal(kind, true, AlertSeverity.Warning, null, limit, $"No usable {unit} for {people} (limit {Litres(limit)} per {unit})", at)
                    .Worded($"alert.msg.{unit}s-short.none", ("people", Litres(population)), ("limit", Litres(limit)))
                : new AlertSignal(kind, false, AlertSeverity.Warning, null, limit, $"Nobody lives in the camp", at).Worded("alert.msg.access.nobody");
        }

        var per = PeoplePer(population, count)!.Value;
        var units = $"{Litres(count)} usable {unit}{(count == 1 ? "" : "s")}";
        return per > limit
            ? new AlertSignal(kind, true, AlertSeverity.Warning, per, limit, $"{people} share {units}: {Pct(per)} per {unit}, above the limit of {Litres(limit)}", at)
                .Worded($"alert.msg.{unit}s-short", ("people", Litres(population)), ("usable", Litres(count)), ("per", Pct(per)), ("limit", Litres(limit)))
            : new AlertSignal(kind, false, AlertSeverity.Warning, per, limit, $"{Pct(per)} people per usable {unit} ({units}), within the limit of {Litres(limit)}", at)
                .Worded($"alert.msg.{unit}s-short.cleared", ("usable", Litres(count)), ("per", Pct(per)), ("limit", Litres(limit)));
    }
}
