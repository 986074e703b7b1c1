using CampWater.Readings;
using CampWater.Status;
using CampWater.Water;

namespace CampWater.Tanks;

/// <summary>What a tank remembers of its inflow meter: the last total it read, and when.</summary>
[GenerateSerializer, Alias("campwater.InflowMeter")]
public sealed class InflowMeter
{
    [Id(0)] public DateTimeOffset? LastTs { get; set; }

    [Id(1)] public double LastTotalL { get; set; }

    /// <summary>Totals lower than the one before: a new or reset meter, counted from there.</summary>
    [Id(2)] public long Resets { get; set; }

    [Id(3)] public long Applied { get; set; }
}

/// <summary>
/// How a tank takes in its inflow meter's running totals. The water between two totals entered over the time
/// between them and is shared by the camp-local days that time spans; a day that a meter counted is a metered day,
/// whose delivered water is the meter's and whose drawn water is that less the rise in storage. Pure.
/// </summary>
public static class InflowModel
{
    public static (ApplyOutcome Outcome, TankDayRecord[] Changed) Apply(TankRecord tank, InflowReading reading, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(tank);
        ArgumentNullException.ThrowIfNull(reading);
        var meter = tank.Meter;
        if (tank.Config is null)
        {
            return (ApplyOutcome.UnknownTank, []);
        }

        if (meter.LastTs is { } last && reading.Ts == last)
        {
            return (ApplyOutcome.Duplicate, []);
        }

        if (meter.LastTs is { } before && reading.Ts < before)
        {
            return (ApplyOutcome.Late, []);
        }

        var changed = new List<TankDayRecord>(2);
        var date = CampCalendar.LocalDate(reading.Ts, zone);
        if (meter.LastTs is { } from && reading.TotalL >= meter.LastTotalL)
        {
            Book(tank.Days, zone, from, reading.Ts, reading.TotalL - meter.LastTotalL, changed);
        }
        else if (meter.LastTs is not null)
        {
            // A lower total is a new or reset meter: what it counts from now on is new water, what it counted before is gone.
            meter.Resets++;
        }

        if (!changed.Exists(d => d.Date == date))
        {
            changed.Add(Add(tank.Days, date, 0));
        }

        meter.LastTs = reading.Ts;
        meter.LastTotalL = reading.TotalL;
        meter.Applied++;
        return (ApplyOutcome.Applied, [.. changed]);
    }

    private static void Book(List<TankDayRecord> days, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to, double litres, List<TankDayRecord> changed)
    {
        var date = CampCalendar.LocalDate(from, zone);
        var total = (to - from).TotalSeconds;
        while (true)
        {
            var end = CampCalendar.DayBounds(date, zone).End;
            var share = total <= 0 ? 1 : ((to < end ? to : end) - from).TotalSeconds / total;
            if (share > 0 || to <= end)
            {
                Put(changed, Add(days, date, litres * share));
            }

            if (to <= end)
            {
                return;
            }

            from = end;
            date = date.AddDays(1);
        }
    }

    private static TankDayRecord Add(List<TankDayRecord> days, DateOnly date, double litres)
    {
        var index = days.Count - 1;
        while (index >= 0 && days[index].Date > date)
        {
            index--;
        }

        if (index >= 0 && days[index].Date == date)
        {
            var day = days[index];
            return days[index] = day with { InflowL = day.InflowL + litres, Metered = true };
        }

        var created = new TankDayRecord(date, 0, 0, 0, 0, litres, Metered: true);
        days.Insert(index + 1, created);
        if (days.Count > TankModel.DaysKept)
        {
            days.RemoveRange(0, days.Count - TankModel.DaysKept);
        }

        return created;
    }

    private static void Put(List<TankDayRecord> changed, TankDayRecord day)
    {
        var at = changed.FindIndex(d => d.Date == day.Date);
        if (at >= 0)
        {
            changed[at] = day;
        }
        else
        {
            changed.Add(day);
        }
    }
}
