using CampWater.Registry;
using CampWater.Status;
using CampWater.Water;

namespace CampWater.Camps;

/// <summary>How a camp rolls up its tanks. Pure: statuses, ledgers, the zone and the time are given.</summary>
public static class CampModel
{
    /// <summary>The complete days that days of autonomy averages over.</summary>
    public const int AutonomyDays = 7;

    /// <param name="tankDays">Recent ledger days per tank id (at least the last eight).</param>
    public static CampSummary Summary(
        CampConfig camp,
        IReadOnlyDictionary<string, TankStatus> statuses,
        IReadOnlyDictionary<string, IReadOnlyList<TankDayRecord>> tankDays,
        TimeZoneInfo zone,
        DateTimeOffset now,
        AlertCounts openAlerts)
    {
        var today = CampCalendar.LocalDate(now, zone);
        var yesterday = today.AddDays(-1);
        var population = camp.PopulationOn(today);
        var yPopulation = camp.PopulationOn(yesterday);

        double capacity = 0, volume = 0, usable = 0;
        var anyLevel = false;
        foreach (var tank in camp.Tanks)
        {
            if (statuses.TryGetValue(tank.Id, out var status))
            {
                capacity += status.CapacityL;
                if (status.VolumeL is { } v)
                {
                    volume += v;
                    anyLevel = true;
                }

                // What lasts is the water that can be drawn from tanks that still report: a silent tank's last
                // level is not water anyone can count on.
                if (status.State != TankState.Offline && (status.UsableVolumeL ?? status.VolumeL) is { } u)
                {
                    usable += u;
                }
            }
            else
            {
                capacity += TankGeometry.From(tank).CapacityL;
            }
        }

        var todayNet = Network(camp, tankDays, today);
        var yNet = Network(camp, tankDays, yesterday);
        static double? Lpd(double drawn, int people) => people > 0 ? Math.Round(drawn / people, 2) : null;

        // A day without a single reading is unknown, not a day on which nobody drew water; one with too few
        // readings has a figure but no verdict, as in the coverage of that day.
        var yesterdayKnown = camp.Tanks.Any(t => DayOf(tankDays, t.Id, yesterday) is not null);
        var yLpd = yesterdayKnown ? Lpd(yNet.DrawnL, yPopulation) : null;
        var yMet = yLpd is null ? null : CampRollup.Day(
            yesterday, yPopulation, camp.TargetLpd, [.. camp.Tanks.Select(t => DayOf(tankDays, t.Id, yesterday))],
            CampCalendar.DaySeconds(yesterday, zone), yNet).Met;

        var serves = Serves(camp, yPopulation);
        var perTank = new List<(int ServesPopulation, double? YesterdayDrawnL)>(camp.Tanks.Length);
        for (var i = 0; i < camp.Tanks.Length; i++)
        {
            perTank.Add((serves[i], DayOf(tankDays, camp.Tanks[i].Id, yesterday) is null ? null : yNet.OutOf(camp.Tanks[i].Id)));
        }

        var completeDays = new List<double>(AutonomyDays);
        for (var d = 1; d <= AutonomyDays; d++)
        {
            var date = today.AddDays(-d);
            if (camp.Tanks.Any(t => DayOf(tankDays, t.Id, date) is not null))
            {
                completeDays.Insert(0, Network(camp, tankDays, date).DrawnL);
            }
        }

        var autonomy = CampRollup.DaysOfAutonomy(usable, completeDays);
        var coverage = yesterdayKnown ? CampRollup.CoveragePct(perTank, camp.TargetLpd) : null;
        return new CampSummary(
            camp.Id,
            camp.Name,
            camp.TimeZone,
            population,
            camp.TargetLpd,
            camp.Tanks.Length,
            Math.Round(capacity, 1),
            Math.Round(volume, 1),
            anyLevel && capacity > 0 ? Math.Round(volume / capacity * 100, 2) : null,
            new CampDayTotals(today, Math.Round(todayNet.DrawnL, 1), Math.Round(todayNet.DeliveredL, 1), Lpd(todayNet.DrawnL, population), null),
            new CampDayTotals(yesterday, Math.Round(yNet.DrawnL, 1), Math.Round(yNet.DeliveredL, 1), yLpd, yMet),
            coverage is null ? null : Math.Round(coverage.Value, 1),
            autonomy is null ? null : Math.Round(autonomy.Value, 2),
            openAlerts)
        {
            PopulationFrom = camp.PopulationSince(today),
        };
    }

    /// <summary>Each tank's water today over the camp's network, for the camp detail.</summary>
    public static TankFlowToday[] NetworkToday(
        CampConfig camp, IReadOnlyDictionary<string, IReadOnlyList<TankDayRecord>> tankDays, DateOnly today)
    {
        var net = Network(camp, tankDays, today);
        return [.. camp.Tanks.Select((t, i) => new TankFlowToday(
            t.Id, t.Name, t.FeedsOrEmpty.ToArray(), Math.Round(net.Tanks[i].InL, 1), Math.Round(net.Tanks[i].OutL, 1),
            DayOf(tankDays, t.Id, today)?.Metered ?? false))];
    }

    /// <summary>The people each tank serves with the camp's population of that day; a tank that feeds others serves none by default.</summary>
    public static int[] Serves(CampConfig camp, int population) =>
        CampRollup.ServesPopulation(population, [.. camp.Tanks.Select(WaterNetwork.ConfiguredServes)]);

    /// <summary>One camp-local day per date from the tanks' ledgers, each with the population in force that day.</summary>
    public static DailyCoverage[] Coverage(
        CampConfig camp, IReadOnlyDictionary<string, TankDayRecord[]> tankDays, DateOnly from, DateOnly to, TimeZoneInfo zone)
    {
        var days = new List<DailyCoverage>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var records = new List<TankDayRecord?>(camp.Tanks.Length);
            foreach (var tank in camp.Tanks)
            {
                records.Add(tankDays.TryGetValue(tank.Id, out var list) ? Array.Find(list, d => d.Date == date) : null);
            }

            var network = WaterNetwork.Day(camp.Tanks, records);
            var day = CampRollup.Day(date, camp.PopulationOn(date), camp.TargetLpd, records, CampCalendar.DaySeconds(date, zone), network);
            days.Add(day with
            {
                DrawnL = Math.Round(day.DrawnL, 1),
                DeliveredL = Math.Round(day.DeliveredL, 1),
                EstimatedL = Math.Round(day.EstimatedL, 1),
                Lpd = day.Lpd is { } lpd ? Math.Round(lpd, 2) : null,
                Completeness = Math.Round(day.Completeness, 4),
            });
        }

        return [.. days];
    }

    private static NetworkDay Network(CampConfig camp, IReadOnlyDictionary<string, IReadOnlyList<TankDayRecord>> tankDays, DateOnly date) =>
        WaterNetwork.Day(camp.Tanks, [.. camp.Tanks.Select(t => DayOf(tankDays, t.Id, date))]);

    private static TankDayRecord? DayOf(IReadOnlyDictionary<string, IReadOnlyList<TankDayRecord>> tankDays, string tankId, DateOnly date)
    {
        if (!tankDays.TryGetValue(tankId, out var days))
        {
            return null;
        }

        for (var i = days.Count - 1; i >= 0; i--)
        {
            if (days[i].Date == date)
            {
                return days[i];
            }
        }

        return null;
    }
}
