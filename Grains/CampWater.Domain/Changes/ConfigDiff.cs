using System.Globalization;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using CampWater.Registry;

namespace CampWater.Changes;

/// <summary>
/// What a new configuration of a camp changes, field by field, in the registry form that people edit
/// and that error messages name (<c>thresholds.lowPct</c>): pure, so the record of who moved a threshold
/// is as exact as the configuration itself.
/// </summary>
public static class ConfigDiff
{
    /// <summary>Who changes a camp through the registry file at start.</summary>
    public const string RegistryFile = "registry file";

    /// <summary>Who changes a camp when the caller names no one.</summary>
    public const string System = "system";

    /// <summary>
    /// The changes from <paramref name="before"/> (null: the camp is new) to <paramref name="after"/>: one for
    /// the camp's own fields if any changed, one per tank created, changed or removed; nothing for a tank
    /// whose every field stayed. A created camp or tank lists its fields from null; a removed tank to null.
    /// </summary>
    public static ImmutableArray<ConfigChange> Between(CampConfig? before, CampConfig after, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changes = ImmutableArray.CreateBuilder<ConfigChange>();
        var campFields = Fields(before is null ? null : CampFields(before), CampFields(after)).AddRange(PopulationFields(before, after));
        if (before is null || campFields.Length > 0)
        {
            changes.Add(new ConfigChange(at, by, after.Id, null, before is null ? ConfigChangeKind.Created : ConfigChangeKind.Changed, campFields));
        }

        var old = before?.Tanks.ToDictionary(t => t.Id, StringComparer.Ordinal) ?? [];
        foreach (var tank in after.Tanks)
        {
            var previous = old.GetValueOrDefault(tank.Id);
            var fields = Fields(previous is null ? null : RegistryWriter.ToJson(previous), RegistryWriter.ToJson(tank));
            if (previous is null || fields.Length > 0)
            {
                changes.Add(new ConfigChange(at, by, after.Id, tank.Id, previous is null ? ConfigChangeKind.Created : ConfigChangeKind.Changed, fields));
            }
        }

        var kept = after.Tanks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var tank in before?.Tanks ?? [])
        {
            if (!kept.Contains(tank.Id))
            {
                changes.Add(new ConfigChange(at, by, after.Id, tank.Id, ConfigChangeKind.Removed, Fields(RegistryWriter.ToJson(tank), null)));
            }
        }

        return changes.ToImmutable();
    }

    /// <summary>
    /// The leaves that differ between two objects of the registry form, by dotted path, in the order the
    /// registry writes them; arrays (a strapping table) are one value. The <c>id</c> is the key, not a field.
    /// </summary>
    public static ImmutableArray<FieldChange> Fields(JsonObject? before, JsonObject? after)
    {
        var from = Flatten(before);
        var to = Flatten(after);
        var fields = ImmutableArray.CreateBuilder<FieldChange>();
        foreach (var (path, value) in to)
        {
            var was = from.Find(f => f.Path == path).Json;
            if (was != value)
            {
                fields.Add(new FieldChange(path, was, value));
            }
        }

        foreach (var (path, value) in from)
        {
            if (!to.Exists(f => f.Path == path))
            {
                fields.Add(new FieldChange(path, value, null));
            }
        }

        return fields.ToImmutable();
    }

    /// <summary>
    /// A change of population as people read it: the population before and after on each date whose figure
    /// changed (<c>Population: 1,200 → 1,250 people from 20 Nov</c>), not the list of dated changes.
    /// </summary>
    public static ImmutableArray<FieldChange> PopulationFields(CampConfig? before, CampConfig after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var fields = ImmutableArray.CreateBuilder<FieldChange>();
        if (before is null || before.BasePopulation != after.BasePopulation)
        {
            fields.Add(new FieldChange("population", before is null ? null : Number(before.BasePopulation), Number(after.BasePopulation)));
        }

        var dates = Dates(before).Union(Dates(after)).Order();
        foreach (var date in dates)
        {
            int? was = before?.PopulationOn(date);
            var now = after.PopulationOn(date);
            // A date only says something when its figure differs from the day before it in one of the two.
            var dated = Dates(after).Contains(date) || Dates(before).Contains(date);
            if (dated && was != now)
            {
                fields.Add(new FieldChange("population", was is { } w ? Number(w) : null, Number(now)) { Since = date });
            }
        }

        return fields.ToImmutable();
    }

    /// <summary>A population change in words, as the change log shows it: "Population: 1,200 → 1,250 people from 2026-11-20".</summary>
    public static string Describe(FieldChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var from = change.From is null ? "none" : int.Parse(change.From, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
        var to = change.To is null ? "none" : int.Parse(change.To, CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);
        var since = change.Since is { } d ? $" from {d:yyyy-MM-dd}" : "";
        return $"Population: {from} → {to} people{since}";
    }

    private static IEnumerable<DateOnly> Dates(CampConfig? camp) =>
        camp is null || camp.PopulationHistory.IsDefault ? [] : camp.PopulationHistory.Select(c => c.From);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonObject CampFields(CampConfig camp)
    {
        var json = RegistryWriter.ToJson(camp with { Tanks = [] });
        json.Remove("tanks");
        json.Remove("population");
        json.Remove("populationHistory");
        return json;
    }

    private static List<(string Path, string Json)> Flatten(JsonObject? json)
    {
        var leaves = new List<(string, string)>();
        if (json is not null)
        {
            Add(leaves, "", json);
        }

        return leaves;
    }

    private static void Add(List<(string, string)> leaves, string prefix, JsonObject json)
    {
        foreach (var (name, value) in json)
        {
            if (prefix.Length == 0 && name == "id")
            {
                continue;
            }

            var path = prefix + name;
            if (value is JsonObject nested)
            {
                Add(leaves, path + ".", nested);
            }
            else if (value is not null)
            {
                leaves.Add((path, value.ToJsonString()));
            }
        }
    }
}
