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
        var campFields = Fields(before is null ? null : CampFields(before), CampFields(after));
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

    private static JsonObject CampFields(CampConfig camp)
    {
        var json = RegistryWriter.ToJson(camp with { Tanks = [] });
        json.Remove("tanks");
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
