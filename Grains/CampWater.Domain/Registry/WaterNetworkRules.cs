using System.Collections.Immutable;
using System.Text.Json;

namespace CampWater.Registry;

/// <summary>
/// The rules of a camp's network of tanks (<c>feeds</c>): a tank feeds tanks of its own camp, never itself, and
/// water never runs in a circle back to a tank it left.
/// </summary>
public static class WaterNetworkRules
{
    public const string Field = "feeds";

    /// <summary>The problems of the network the tanks make, each naming the tank whose <c>feeds</c> breaks a rule.</summary>
    public static IReadOnlyList<(string TankId, string Reason)> Problems(IReadOnlyList<TankConfig> tanks)
    {
        ArgumentNullException.ThrowIfNull(tanks);
        var problems = new List<(string, string)>();
        var byId = tanks.GroupBy(t => t.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var tank in tanks)
        {
            foreach (var id in tank.FeedsOrEmpty)
            {
                if (id == tank.Id)
                {
                    problems.Add((tank.Id, $"must not name the tank itself ('{id}'): a tank cannot feed itself"));
                }
                else if (!byId.ContainsKey(id))
                {
                    problems.Add((tank.Id, $"names '{id}', which is not a tank of this camp"));
                }
            }
        }

        if (problems.Count == 0 && FindCycle(tanks, byId) is { } cycle)
        {
            problems.Add((cycle[0], $"makes a cycle: {string.Join(" → ", cycle)} → {cycle[0]}; water cannot run back to a tank it came from"));
        }

        return problems;
    }

    /// <summary>A tank's own <c>feeds</c>: an array of distinct tank ids.</summary>
    internal static ImmutableArray<string> Read(JsonFields tank, string? selfId)
    {
        if (!tank.OptionalArray(Field, out var array, out var present) || !present)
        {
            return default;
        }

        var ids = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var name = $"{Field}[{index++}]";
            if (element.ValueKind != JsonValueKind.String || element.GetString() is not { } id || !RegistryId.IsValid(id))
            {
                tank.Problem(name, "must be the id of a tank of this camp");
            }
            else if (id == selfId)
            {
                tank.Problem(name, $"must not name the tank itself ('{id}'): a tank cannot feed itself");
            }
            else if (ids.Contains(id))
            {
                tank.Problem(name, $"names '{id}' twice");
            }
            else
            {
                ids.Add(id);
            }
        }

        return ids.Count == 0 ? default : ids.ToImmutable();
    }

    /// <summary>In the registry file or a camp body that names its tanks: every tank's <c>feeds</c> against the others.</summary>
    internal static void Check(JsonFields camp, ImmutableArray<TankConfig> tanks)
    {
        if (tanks.IsDefaultOrEmpty)
        {
            return;
        }

        var index = tanks.Select((t, i) => (t.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        foreach (var (tankId, reason) in Problems(tanks))
        {
            var scope = camp.Scope.Member("tanks").Index(index[tankId]).ForTank(tankId);
            camp.Add(scope.Problem(Field, reason));
        }
    }

    private static List<string>? FindCycle(IReadOnlyList<TankConfig> tanks, Dictionary<string, TankConfig> byId)
    {
        // 0: not seen, 1: on the current path, 2: done.
        var mark = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var tank in tanks)
        {
            if (Visit(tank.Id) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        List<string>? Visit(string id)
        {
            switch (mark.GetValueOrDefault(id))
            {
                case 2:
                    return null;
                case 1:
                    return path[path.IndexOf(id)..];
            }

            mark[id] = 1;
            path.Add(id);
            foreach (var next in byId[id].FeedsOrEmpty)
            {
                if (byId.ContainsKey(next) && Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            mark[id] = 2;
            return null;
        }
    }
}
