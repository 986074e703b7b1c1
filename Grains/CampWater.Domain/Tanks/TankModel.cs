using CampWater.Readings;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Water;

namespace CampWater.Tanks;

/// <summary>
/// How a tank takes in readings and shows its state. Pure: the tank's record, its geometry, its
/// camp's zone and the time are all given.
/// </summary>
public static class TankModel
{
    /// <summary>About thirteen months of days, enough for a year of coverage reports.</summary>
    public const int DaysKept = 400;

    public const int RecentTimestampsKept = 64;

    public static readonly TimeSpan HistoryKept = TimeSpan.FromDays(8);

    /// <summary>History newer than this keeps a point a minute; older history a point every ten minutes.</summary>
    public static readonly TimeSpan FineHistory = TimeSpan.FromHours(26);

    public static readonly TimeSpan FineSpacing = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan CoarseSpacing = TimeSpan.FromMinutes(10);

    /// <summary>Net flow is the slope of the last hour of volume.</summary>
    public static readonly TimeSpan FlowWindow = TimeSpan.FromHours(1);

    /// <summary>Readings in a row that clear a sensor fault.</summary>
    public const int PlausibleReadingsToClearFault = 3;

    private const int CompactAbove = 3000;

    public static TankApplyResult Apply(TankRecord tank, TankReading reading, TankGeometry geometry, TimeZoneInfo zone)
    {
        var config = tank.Config;
        if (config is null)
        {
            return new(ApplyOutcome.UnknownTank, []);
        }

        var latest = tank.Latest;
        if (latest is not null)
        {
            if (reading.Ts == latest.Ts || tank.RecentTs.Contains(reading.Ts))
            {
                tank.Counters.Duplicates++;
                return new(ApplyOutcome.Duplicate, []);
            }

            if (reading.Ts < latest.Ts)
            {
                tank.Counters.Late++;
                return new(ApplyOutcome.Late, []);
            }
        }

        var level = ReadingInterpreter.Interpret(reading.Kind, reading.Value, geometry, config.Sensor);
        if (tank.LastHeardAt is null || reading.ReceivedAt > tank.LastHeardAt)
        {
            tank.LastHeardAt = reading.ReceivedAt;
        }

        if (level.IsFault)
        {
            tank.Counters.Faults++;
            tank.FaultSince ??= reading.Ts;
            tank.PlausibleSinceFault = 0;
            tank.LastFaultReason = level.FaultReason;
            return new(ApplyOutcome.SensorFault, [], level.FaultReason);
        }

        if (tank.FaultSince is not null && ++tank.PlausibleSinceFault >= PlausibleReadingsToClearFault)
        {
            tank.FaultSince = null;
            tank.LastFaultReason = null;
        }

        var changed = new List<TankDayRecord>(2);
        if (latest is not null)
        {
            var offlineAfter = TimeSpan.FromMinutes(config.Thresholds.OfflineAfterMin);
            foreach (var span in ReadingCoverage.Covered(latest.Ts, reading.Ts, offlineAfter, zone))
            {
                changed.Add(AddToDay(tank.Days, span.Date, 0, 0, span.Seconds));
            }
        }

        var step = DrawLedger.Step(tank.Filter, level.LevelMm, geometry);
        tank.Filter = step.Next;
        var date = CampCalendar.LocalDate(reading.Ts, zone);
        var day = AddToDay(tank.Days, date, step.DrawnL, step.DeliveredL, 0);
        changed.RemoveAll(d => d.Date == date);
        changed.Add(day);

        tank.Latest = new LatestReading(
            reading.Ts, level.LevelMm, level.LevelPct, level.VolumeL,
            reading.BatteryPct ?? latest?.BatteryPct, reading.BatteryV ?? latest?.BatteryV, reading.Rssi ?? latest?.Rssi);
        Remember(tank.RecentTs, reading.Ts);
        AddToHistory(tank.History, new LevelPoint(reading.Ts, level.LevelMm, level.VolumeL));
        tank.Counters.Applied++;
        return new(ApplyOutcome.Applied, changed, null, step.DrawnL);
    }

    public static TankStatus Status(TankRecord tank, TankGeometry geometry, TimeZoneInfo zone, DateTimeOffset now)
    {
        var config = tank.Config ?? throw new InvalidOperationException("A tank without configuration has no status.");
        var latest = tank.Latest;
        var today = CampCalendar.LocalDate(now, zone);
        var todayRecord = FindDay(tank.Days, today);
        var flow = latest is null ? null : FlowEstimator.NetFlowLph(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tank.History), FlowWindow);
        return new TankStatus(
            tank.CampId ?? string.Empty,
            config.Id,
            config.Name,
            StateOf(tank, now),
            Math.Round(geometry.CapacityL, 1),
            latest is null ? null : Math.Round(latest.LevelMm, 1),
            latest is null ? null : Math.Round(latest.LevelPct, 2),
            latest is null ? null : Math.Round(latest.VolumeL, 1),
            latest?.Ts,
            flow is null ? null : Math.Round(flow.Value, 1),
            latest is null ? null : RoundOrNull(FlowEstimator.HoursToEmpty(latest.VolumeL, flow), 2),
            new TankDayTotals(today, Math.Round(todayRecord?.DrawnL ?? 0, 1), Math.Round(todayRecord?.DeliveredL ?? 0, 1)),
            latest?.BatteryPct,
            tank.OpenAlerts)
        {
            BatteryV = latest?.BatteryV,
        };
    }

    /// <summary>
    /// The state a person should see: silence first (a dead sensor's last level is not news), then a
    /// faulty sensor, then the level against the thresholds.
    /// </summary>
    public static TankState StateOf(TankRecord tank, DateTimeOffset now)
    {
        var config = tank.Config!;
        if (tank.LastHeardAt is null)
        {
            return TankState.Unknown;
        }

        if (now - tank.LastHeardAt.Value >= TimeSpan.FromMinutes(config.Thresholds.OfflineAfterMin))
        {
            return TankState.Offline;
        }

        if (tank.FaultSince is not null || tank.Latest is null)
        {
            return tank.Latest is null && tank.FaultSince is null ? TankState.Unknown : TankState.Fault;
        }

        var pct = tank.Latest.LevelPct;
        var t = config.Thresholds;
        if (pct < t.CriticalPct)
        {
            return TankState.Critical;
        }

        if (pct < t.LowPct)
        {
            return TankState.Low;
        }

        return pct > t.OverflowPct ? TankState.Overflow : TankState.Ok;
    }

    /// <summary>The history between two instants, evenly thinned by index to at most <paramref name="maxPoints"/>.</summary>
    public static LevelPoint[] Levels(TankRecord tank, DateTimeOffset from, DateTimeOffset to, int maxPoints)
    {
        var inRange = tank.History.Where(p => p.Ts >= from && p.Ts <= to).ToList();
        var latest = tank.Latest;
        if (latest is not null && latest.Ts >= from && latest.Ts <= to && (inRange.Count == 0 || inRange[^1].Ts < latest.Ts))
        {
            inRange.Add(new LevelPoint(latest.Ts, latest.LevelMm, latest.VolumeL));
        }

        return Thin(inRange, maxPoints);
    }

    public static LevelPoint[] Thin(IReadOnlyList<LevelPoint> points, int maxPoints)
    {
        if (maxPoints <= 0)
        {
            return [];
        }

        if (points.Count <= maxPoints)
        {
            return [.. points];
        }

        if (maxPoints == 1)
        {
            return [points[^1]];
        }

        // Spread the picks over the whole range and always keep both ends.
        var result = new LevelPoint[maxPoints];
        var stride = (points.Count - 1) / (double)(maxPoints - 1);
        for (var i = 0; i < maxPoints; i++)
        {
            result[i] = points[(int)Math.Round(i * stride)];
        }

        return result;
    }

    /// <summary>Net fall over the last ten minutes as a percentage of capacity per hour (positive while falling).</summary>
    public static double? FallPctPerHour(TankRecord tank, TankGeometry geometry)
    {
        var flow = FlowEstimator.NetFlowLph(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tank.History), TimeSpan.FromMinutes(10));
        return flow is null || geometry.CapacityL <= 0 ? null : -flow.Value / geometry.CapacityL * 100;
    }

    public static TankDayRecord[] DaysBetween(TankRecord tank, DateOnly from, DateOnly to) =>
        [.. tank.Days.Where(d => d.Date >= from && d.Date <= to)];

    public static TankDayRecord? FindDay(List<TankDayRecord> days, DateOnly date)
    {
        for (var i = days.Count - 1; i >= 0; i--)
        {
            if (days[i].Date == date)
            {
                return days[i];
            }

            if (days[i].Date < date)
            {
                break;
            }
        }

        return null;
    }

    private static TankDayRecord AddToDay(List<TankDayRecord> days, DateOnly date, double drawnL, double deliveredL, double coveredSeconds)
    {
        // Days are kept in order; new readings almost always touch the last one.
        var index = days.Count - 1;
        while (index >= 0 && days[index].Date > date)
        {
            index--;
        }

        TankDayRecord updated;
        if (index >= 0 && days[index].Date == date)
        {
            var day = days[index];
            updated = day with
            {
                DrawnL = day.DrawnL + drawnL,
                DeliveredL = day.DeliveredL + deliveredL,
                CoveredSeconds = day.CoveredSeconds + coveredSeconds,
            };
            days[index] = updated;
        }
        else
        {
            updated = new TankDayRecord(date, drawnL, deliveredL, coveredSeconds);
            days.Insert(index + 1, updated);
            if (days.Count > DaysKept)
            {
                days.RemoveRange(0, days.Count - DaysKept);
            }
        }

        return updated;
    }

    private static void Remember(List<DateTimeOffset> recent, DateTimeOffset ts)
    {
        recent.Add(ts);
        if (recent.Count > RecentTimestampsKept)
        {
            recent.RemoveRange(0, recent.Count - RecentTimestampsKept);
        }
    }

    private static void AddToHistory(List<LevelPoint> history, LevelPoint point)
    {
        if (history.Count > 0 && point.Ts - history[^1].Ts < FineSpacing)
        {
            return;
        }

        history.Add(point);
        var oldest = point.Ts - HistoryKept;
        var drop = 0;
        while (drop < history.Count && history[drop].Ts < oldest)
        {
            drop++;
        }

        if (drop > 0)
        {
            history.RemoveRange(0, drop);
        }

        if (history.Count > CompactAbove)
        {
            Compact(history, point.Ts - FineHistory);
        }
    }

    private static void Compact(List<LevelPoint> history, DateTimeOffset fineFrom)
    {
        var kept = new List<LevelPoint>(history.Count);
        foreach (var p in history)
        {
            if (p.Ts >= fineFrom || kept.Count == 0 || p.Ts - kept[^1].Ts >= CoarseSpacing)
            {
                kept.Add(p);
            }
        }

        history.Clear();
        history.AddRange(kept);
    }

    private static double? RoundOrNull(double? value, int digits) => value is null ? null : Math.Round(value.Value, digits);
}
