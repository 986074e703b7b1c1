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

    /// <summary>A gap of up to this many usual intervals is a sensor that reports less often, not a silent one.</summary>
    private const double SparseIntervals = 3;

    /// <summary>Recent gaps the usual interval is the median of: enough to see past a lost uplink or two.</summary>
    private const int UsualIntervalGaps = 16;

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
            foreach (var span in ReadingCoverage.Covered(latest.Ts, reading.Ts, OfflineLimit(tank), zone))
            {
                Put(changed, AddToDay(tank.Days, span.Date, 0, 0, 0, span.Seconds));
            }
        }

        var estimate = tank.Estimate;
        DateTimeOffset? heldAt = estimate.HeldLevelMm is null ? null : estimate.HeldAt;
        var accuracy = SensorAccuracy.Of(config.Sensor, reading.Kind, reading.Value);
        var step = LevelFilter.Step(estimate, reading.Ts, level.LevelMm, accuracy, geometry.FullHeightMm);
        var outcome = ApplyOutcome.Applied;
        if (step.Held != HeldVerdict.None && heldAt is { } held)
        {
            var wild = step.Held == HeldVerdict.Wild;
            if (wild)
            {
                tank.Counters.Wild++;
                outcome = ApplyOutcome.Wild;
            }

            Resolve(tank.History, held, wild);
        }

        TankEstimate? confirmed = step.Confirmed is { } jump ? Count(tank, jump, geometry, zone, changed) : null;
        TankEstimate? current = step.Current is { } now ? Count(tank, now, geometry, zone, changed) : null;

        // A reading's own day has a record even when it counted nothing: the tank was heard that day.
        var date = CampCalendar.LocalDate(reading.Ts, zone);
        if (!changed.Exists(d => d.Date == date))
        {
            Put(changed, AddToDay(tank.Days, date, 0, 0, 0, 0));
        }

        // What shows is the reading as read; beside it, where the estimate stood (still at the old level while a jump is held).
        var offset = estimate.LevelMm!.Value - level.LevelMm;
        tank.EstimatePct = Pct(estimate.LevelMm.Value, geometry);
        tank.Latest = new LatestReading(
            reading.Ts, level.LevelMm, level.LevelPct, level.VolumeL,
            reading.BatteryPct ?? latest?.BatteryPct, reading.BatteryV ?? latest?.BatteryV, reading.Rssi ?? latest?.Rssi, offset);
        Remember(tank.RecentTs, reading.Ts);
        tank.UsualIntervalSeconds = UsualIntervalSeconds(tank.RecentTs);
        AddToHistory(tank.History, new LevelPoint(reading.Ts, level.LevelMm, level.VolumeL, (float)offset));
        tank.Counters.Applied++;
        return new(outcome, changed, null, confirmed, current);
    }

    /// <summary>
    /// The longest silence that still counts as a working sensor: the tank's offlineAfterMin, or three of its usual
    /// intervals when it reports less often (a LoRaWAN sensor every 20 minutes loses one uplink in ten).
    /// </summary>
    public static TimeSpan OfflineLimit(TankRecord tank)
    {
        ArgumentNullException.ThrowIfNull(tank);
        var threshold = TimeSpan.FromMinutes(tank.Config?.Thresholds.OfflineAfterMin ?? Thresholds.Default.OfflineAfterMin);
        return tank.UsualIntervalSeconds is { } usual && TimeSpan.FromSeconds(usual * SparseIntervals) > threshold
            ? TimeSpan.FromSeconds(usual * SparseIntervals)
            : threshold;
    }

    /// <summary>
    /// After the sensor or the shape of a tank changed, a level read before means something else: the estimate and
    /// the ledger start afresh from the next reading, which books nothing, rather than count the difference as water.
    /// </summary>
    public static void Reconfigure(TankRecord tank, TankConfig? before, TankConfig after)
    {
        ArgumentNullException.ThrowIfNull(tank);
        ArgumentNullException.ThrowIfNull(after);
        if (before is not null && !SameLevels(before, after))
        {
            tank.Estimate.Reset();
            tank.Filter.Reset();
            tank.Fills.Reset();
            tank.EstimatePct = null;
        }
    }

    public static TankStatus Status(TankRecord tank, TankGeometry geometry, TimeZoneInfo zone, DateTimeOffset now)
    {
        var config = tank.Config ?? throw new InvalidOperationException("A tank without configuration has no status.");
        var latest = tank.Latest;
        var today = CampCalendar.LocalDate(now, zone);
        var todayRecord = FindDay(tank.Days, today);
        var flow = latest is null ? null : FlowEstimator.NetFlowLph(Settled(tank), FlowWindow);
        var volume = tank.Estimate.LevelMm is { } estimated ? geometry.VolumeAt(estimated) : latest?.VolumeL;
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
            volume is null ? null : RoundOrNull(FlowEstimator.HoursToEmpty(volume.Value, flow), 2),
            new TankDayTotals(today, Math.Round(todayRecord?.OutflowL ?? 0, 1), Math.Round(todayRecord?.IncomingL ?? 0, 1)),
            latest?.BatteryPct,
            tank.OpenAlerts)
        {
            BatteryV = latest?.BatteryV,
            ReadingIntervalMin = tank.UsualIntervalSeconds is { } usual ? Math.Round(usual / 60, 1) : null,
            OfflineAfterMin = (int)Math.Ceiling(OfflineLimit(tank).TotalMinutes),
            VolumePct = latest is null || geometry.CapacityL <= 0 ? null : Math.Round(latest.VolumeL / geometry.CapacityL * 100, 2),
            UsableVolumeL = volume is { } v ? Math.Round(Math.Max(0, v - geometry.VolumeAt(config.OutletMm)), 1) : null,
            Feeds = config.FeedsOrEmpty,
        };
    }

    /// <summary>
    /// The state a person should see: silence first (a dead sensor's last level is not news), then a
    /// faulty sensor, then the estimated level against the thresholds, as the alerts judge it.
    /// </summary>
    public static TankState StateOf(TankRecord tank, DateTimeOffset now)
    {
        var config = tank.Config!;
        if (tank.LastHeardAt is null)
        {
            return TankState.Unknown;
        }

        if (now - tank.LastHeardAt.Value >= OfflineLimit(tank))
        {
            return TankState.Offline;
        }

        if (tank.FaultSince is not null || tank.Latest is null)
        {
            return tank.Latest is null && tank.FaultSince is null ? TankState.Unknown : TankState.Fault;
        }

        var pct = tank.EstimatePct ?? tank.Latest.LevelPct;
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
            inRange.Add(new LevelPoint(latest.Ts, latest.LevelMm, latest.VolumeL, (float)latest.EstimateOffsetMm));
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

    private static TankDayRecord AddToDay(List<TankDayRecord> days, DateOnly date, double drawnL, double deliveredL, double estimatedL, double coveredSeconds)
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
                EstimatedL = day.EstimatedL + estimatedL,
            };
            days[index] = updated;
        }
        else
        {
            updated = new TankDayRecord(date, drawnL, deliveredL, coveredSeconds, estimatedL);
            days.Insert(index + 1, updated);
            if (days.Count > DaysKept)
            {
                days.RemoveRange(0, days.Count - DaysKept);
            }
        }

        return updated;
    }

    /// <summary>Counts one estimate in the ledger, and gives it in the terms of the alert rules.</summary>
    private static TankEstimate Count(TankRecord tank, EstimatePoint point, TankGeometry geometry, TimeZoneInfo zone, List<TankDayRecord> changed)
    {
        var step = DrawLedger.Step(tank.Filter, point, geometry);
        Trucking.FillDetector.Step(tank.Fills, point, step, tank.Filter, geometry.CapacityL);
        Book(tank.Days, zone, step.From, point.At, step.DrawnL, step.DeliveredL, 0, changed);
        if (step.Estimate is { } draw)
        {
            Book(tank.Days, zone, draw.From, draw.To, draw.Litres, draw.Litres, draw.Litres, changed);
        }

        double? fall = geometry.CapacityL > 0 ? -point.RateMmPerHour * geometry.LitresPerMmAt(point.LevelMm) / geometry.CapacityL * 100 : null;
        return new TankEstimate(point.At, Pct(point.LevelMm, geometry), geometry.VolumeAt(point.LevelMm), step.DrawnL, fall, point.PreviousAt);
    }

    /// <summary>
    /// Books a change that happened over (<paramref name="from"/>, <paramref name="to"/>] on the camp-local days it
    /// spans, in proportion to the time it spent in each: a fall across midnight is shared by both days.
    /// </summary>
    private static void Book(
        List<TankDayRecord> days, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to,
        double drawnL, double deliveredL, double estimatedL, List<TankDayRecord> changed)
    {
        if (drawnL == 0 && deliveredL == 0 && estimatedL == 0)
        {
            return;
        }

        var date = CampCalendar.LocalDate(from, zone);
        if (to <= from || CampCalendar.LocalDate(to, zone) == date)
        {
            Put(changed, AddToDay(days, to <= from ? CampCalendar.LocalDate(to, zone) : date, drawnL, deliveredL, estimatedL, 0));
            return;
        }

        var total = (to - from).TotalSeconds;
        while (true)
        {
            var end = CampCalendar.DayBounds(date, zone).End;
            var share = ((to < end ? to : end) - from).TotalSeconds / total;
            if (share > 0)
            {
                Put(changed, AddToDay(days, date, drawnL * share, deliveredL * share, estimatedL * share, 0));
            }

            if (to <= end)
            {
                return;
            }

            from = end;
            date = date.AddDays(1);
        }
    }

    private static void Put(List<TankDayRecord> changed, TankDayRecord day)
    {
        for (var i = 0; i < changed.Count; i++)
        {
            if (changed[i].Date == day.Date)
            {
                changed[i] = day;
                return;
            }
        }

        changed.Add(day);
    }

    /// <summary>The history point of a held reading, once the next reading has judged it.</summary>
    private static void Resolve(List<LevelPoint> history, DateTimeOffset heldAt, bool wild)
    {
        for (var i = history.Count - 1; i >= 0 && history[i].Ts >= heldAt; i--)
        {
            if (history[i].Ts == heldAt)
            {
                history[i] = wild ? history[i] with { Wild = true } : history[i] with { EstimateOffsetMm = 0 };
                return;
            }
        }
    }

    /// <summary>The history the net flow is fitted to: without the newest point while it is a jump not yet judged.</summary>
    private static ReadOnlySpan<LevelPoint> Settled(TankRecord tank)
    {
        var points = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(tank.History);
        return tank.Estimate.HeldLevelMm is not null && points.Length > 0 && points[^1].Ts == tank.Estimate.HeldAt ? points[..^1] : points;
    }

    /// <summary>The median of the last gaps between applied readings, in seconds; null before two readings.</summary>
    private static double? UsualIntervalSeconds(List<DateTimeOffset> recent)
    {
        var count = Math.Min(recent.Count - 1, UsualIntervalGaps);
        if (count < 1)
        {
            return null;
        }

        Span<double> gaps = stackalloc double[UsualIntervalGaps];
        gaps = gaps[..count];
        for (var i = 0; i < count; i++)
        {
            gaps[i] = (recent[recent.Count - 1 - i] - recent[recent.Count - 2 - i]).TotalSeconds;
        }

        gaps.Sort();
        return count % 2 == 1 ? gaps[count / 2] : (gaps[(count / 2) - 1] + gaps[count / 2]) / 2;
    }

    private static bool SameLevels(TankConfig a, TankConfig b) =>
        a.Shape == b.Shape && a.DiameterMm == b.DiameterMm && a.HeightMm == b.HeightMm && a.LengthMm == b.LengthMm
        && a.WidthMm == b.WidthMm && a.Sensor.MountHeightMm == b.Sensor.MountHeightMm
        && (a.Strapping.IsDefaultOrEmpty ? b.Strapping.IsDefaultOrEmpty : !b.Strapping.IsDefault && a.Strapping.SequenceEqual(b.Strapping));

    private static double Pct(double levelMm, TankGeometry geometry) =>
        geometry.FullHeightMm > 0 ? Math.Clamp(levelMm, 0, geometry.FullHeightMm) / geometry.FullHeightMm * 100 : 0;

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
