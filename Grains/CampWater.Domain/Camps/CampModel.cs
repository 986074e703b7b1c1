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

        double capacity = 0, volume = 0;
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
            }
            else
            {
                capacity += TankGeometry.From(tank).CapacityL;
            }
        }

        var (todayDrawn, todayDelivered) = Totals(camp, tankDays, today);
        var (yDrawn, yDelivered) = Totals(camp, tankDays, yesterday);
        double? Lpd(double drawn) => camp.Population > 0 ? Math.Round(drawn / camp.Population, 2) : null;
        // A day without a single reading is unknown, not a day on which nobody drew water; one with too few
        // readings has a figure but no verdict, as in the coverage of that day.
        var yesterdayKnown = camp.Tanks.Any(t => DayOf(tankDays, t.Id, yesterday) is not null);
        var yLpd = yesterdayKnown ? Lpd(yDrawn) : null;
        var yMet = yLpd is null ? null : CampRollup.Day(
            yesterday, camp.Population, camp.TargetLpd, [.. camp.Tanks.Select(t => DayOf(tankDays, t.Id, yesterday))],
            CampCalendar.DaySeconds(yesterday, zone)).Met;

        var serves = CampRollup.ServesPopulation(camp.Population, [.. camp.Tanks.Select(t => t.ServesPopulation)]);
        var perTank = new List<(int ServesPopulation, double? YesterdayDrawnL)>(camp.Tanks.Length);
        for (var i = 0; i < camp.Tanks.Length; i++)
        {
            perTank.Add((serves[i], DayOf(tankDays, camp.Tanks[i].Id, yesterday)?.DrawnL));
        }

        var completeDays = new List<double>(AutonomyDays);
        for (var d = 1; d <= AutonomyDays; d++)
        {
            var date = today.AddDays(-d);
            if (camp.Tanks.Any(t => DayOf(tankDays, t.Id, date) is not null))
            {
                completeDays.Add(Totals(camp, tankDays, date).Drawn);
            }
        }

        var autonomy = CampRollup.DaysOfAutonomy(volume, completeDays);
        var coverage = yesterdayKnown ? CampRollup.CoveragePct(perTank, camp.TargetLpd) : null;
        return new CampSummary(
            camp.Id,
            camp.Name,
            camp.TimeZone,
            camp.Population,
            camp.TargetLpd,
            camp.Tanks.Length,
            Math.Round(capacity, 1),
            Math.Round(volume, 1),
            anyLevel && capacity > 0 ? Math.Round(volume / capacity * 100, 2) : null,
            new CampDayTotals(today, Math.Round(todayDrawn, 1), Math.Round(todayDelivered, 1), Lpd(todayDrawn), null),
            new CampDayTotals(yesterday, Math.Round(yDrawn, 1), Math.Round(yDelivered, 1), yLpd, yMet),
            coverage is null ? null : Math.Round(coverage.Value, 1),
            autonomy is null ? null : Math.Round(autonomy.Value, 2),
            openAlerts);
    }

    /// <summary>One camp-local day per date from the tanks' ledgers.</summary>
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

            var day = CampRollup.Day(date, camp.Population, camp.TargetLpd, records, CampCalendar.DaySeconds(date, zone));
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

    private static (double Drawn, double Delivered) Totals(
        CampConfig camp, IReadOnlyDictionary<string, IReadOnlyList<TankDayRecord>> tankDays, DateOnly date)
    {
        double drawn = 0, delivered = 0;
        foreach (var tank in camp.Tanks)
        {
            if (DayOf(tankDays, tank.Id, date) is { } day)
            {
                drawn += day.DrawnL;
                delivered += day.DeliveredL;
            }
        }

        return (drawn, delivered);
    }

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
