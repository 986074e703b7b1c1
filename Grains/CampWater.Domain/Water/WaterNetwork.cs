using CampWater.Registry;
using CampWater.Status;

namespace CampWater.Water;

/// <summary>One tank's water on a day, as the network sees it: what entered it and what left it.</summary>
public readonly record struct TankFlow(string TankId, double InL, double OutL);

/// <summary>A camp's water on one day over its network of tanks.</summary>
/// <param name="DrawnL">What left the tanks that feed no tank: the water people drew.</param>
/// <param name="DeliveredL">What entered the tanks that no tank feeds: the water that came into the camp.</param>
/// <param name="EstimatedL">The part of <paramref name="DrawnL"/> estimated while tanks filled.</param>
public sealed record NetworkDay(double DrawnL, double DeliveredL, double EstimatedL, IReadOnlyList<TankFlow> Tanks)
{
    public double OutOf(string tankId)
    {
        foreach (var t in Tanks)
        {
            if (t.TankId == tankId)
            {
                return t.OutL;
            }
        }

        return 0;
    }
}

/// <summary>
/// A camp's tanks as a network: a pump fills a reservoir, which feeds elevated tanks by pipe, from which people
/// draw. Water moved from tank to tank is neither drawn nor delivered. Pure: the tanks and their day are given.
/// </summary>
/// <remarks>
/// Each tank's inflow is, in order of trust: its inflow meter; else, for a tank fed by others, its share of what
/// its feeders let out less what their metered tanks took (never less than the rises its level showed); else the
/// rises of its level. What leaves a tank is its inflow less the rise in storage. A feeder whose every tank is
/// metered (and fed by it alone) let out exactly what their meters counted, which then also tells what entered it
/// while it fed them: a reservoir's level shows only the difference between the pump and the draw.
/// </remarks>
public static class WaterNetwork
{
    public static NetworkDay Day(IReadOnlyList<TankConfig> tanks, IReadOnlyList<TankDayRecord?> days)
    {
        ArgumentNullException.ThrowIfNull(tanks);
        ArgumentNullException.ThrowIfNull(days);

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < tanks.Count; i++)
        {
            index[tanks[i].Id] = i;
        }

        var parents = new List<int>[tanks.Count];
        for (var i = 0; i < tanks.Count; i++)
        {
            parents[i] = [];
        }

        for (var i = 0; i < tanks.Count; i++)
        {
            foreach (var child in tanks[i].FeedsOrEmpty)
            {
                if (index.TryGetValue(child, out var c) && c != i)
                {
                    parents[c].Add(i);
                }
            }
        }

        var inL = new double[tanks.Count];
        var outL = new double[tanks.Count];
        var inferred = new bool[tanks.Count];
        var shares = new double[tanks.Count];
        foreach (var i in Order(tanks, index, parents))
        {
            var day = i < days.Count ? days[i] : null;
            if (day is null)
            {
                continue;
            }

            var rise = day.DeliveredL - day.DrawnL;
            if (day.Metered)
            {
                inL[i] = day.InflowL;
            }
            else if (parents[i].Exists(p => p < days.Count && days[p] is not null))
            {
                inL[i] = Math.Max(shares[i], day.DeliveredL);
                inferred[i] = true;
            }
            else
            {
                inL[i] = day.DeliveredL;
            }

            outL[i] = Math.Max(0, day.Metered ? day.OutflowL : Math.Max(day.DrawnL, inL[i] - rise));
            var children = Children(tanks[i], index, i);
            if (children.Count == 0)
            {
                continue;
            }

            // Every tank it feeds is metered and fed by it alone: the meters say what it let out.
            if (!day.Metered && children.TrueForAll(c => c < days.Count && days[c] is { Metered: true } && parents[c].Count == 1))
            {
                outL[i] = children.Sum(c => days[c]!.InflowL);
                if (parents[i].Count == 0)
                {
                    inL[i] = Math.Max(day.DeliveredL, Math.Max(0, rise + outL[i]));
                }
            }

            var unmetered = children.FindAll(c => c < days.Count && days[c] is { Metered: false });
            if (unmetered.Count > 0)
            {
                var metered = children.Where(c => c < days.Count && days[c] is { Metered: true }).Sum(c => days[c]!.InflowL);
                var left = Math.Max(0, outL[i] - metered) / unmetered.Count;
                foreach (var c in unmetered)
                {
                    shares[c] += left;
                }
            }
        }

        double drawn = 0, delivered = 0, estimated = 0;
        var flows = new TankFlow[tanks.Count];
        for (var i = 0; i < tanks.Count; i++)
        {
            flows[i] = new TankFlow(tanks[i].Id, inL[i], outL[i]);
            var day = i < days.Count ? days[i] : null;
            if (day is null)
            {
                continue;
            }

            if (Children(tanks[i], index, i).Count == 0)
            {
                drawn += outL[i];
                estimated += day.Metered || inferred[i] ? 0 : day.EstimatedL;
            }

            if (parents[i].Count == 0)
            {
                delivered += inL[i];
            }
        }

        return new NetworkDay(drawn, delivered, estimated, flows);
    }

    /// <summary>People are served by the tanks that feed no tank: a feeder serves 0 unless the registry says otherwise.</summary>
    public static int? ConfiguredServes(TankConfig tank) =>
        tank.ServesPopulation ?? (tank.FeedsOrEmpty.IsEmpty ? null : 0);

    private static List<int> Children(TankConfig tank, Dictionary<string, int> index, int self)
    {
        var children = new List<int>(tank.FeedsOrEmpty.Length);
        foreach (var id in tank.FeedsOrEmpty)
        {
            if (index.TryGetValue(id, out var c) && c != self && !children.Contains(c))
            {
                children.Add(c);
            }
        }

        return children;
    }

    /// <summary>Feeders before the tanks they feed; a cycle the registry would have refused is taken in list order.</summary>
    private static List<int> Order(IReadOnlyList<TankConfig> tanks, Dictionary<string, int> index, List<int>[] parents)
    {
        var waiting = parents.Select(p => p.Distinct().Count()).ToArray();
        var order = new List<int>(tanks.Count);
        var queue = new Queue<int>(Enumerable.Range(0, tanks.Count).Where(i => waiting[i] == 0));
        var done = new bool[tanks.Count];
        while (order.Count < tanks.Count)
        {
            if (queue.Count == 0)
            {
                queue.Enqueue(Array.FindIndex(done, d => !d));
            }

            var i = queue.Dequeue();
            if (done[i])
            {
                continue;
            }

            done[i] = true;
            order.Add(i);
            foreach (var c in Children(tanks[i], index, i))
            {
                if (--waiting[c] == 0 && !done[c])
                {
                    queue.Enqueue(c);
                }
            }
        }

        return order;
    }
}
