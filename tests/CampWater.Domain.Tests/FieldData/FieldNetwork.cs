using CampWater.Readings;
using CampWater.Registry;
using CampWater.Water;

namespace CampWater.FieldData;

/// <summary>One tank of a generated network: who draws from it, what fills it, and what reports on it.</summary>
/// <param name="DrawLph">Litres an hour people draw at a camp-local hour; null: nobody draws from it directly.</param>
/// <param name="Supply">Water from outside (a borehole pump, a truck), each window until it gave its litres or the tank is full.</param>
/// <param name="FedBy">The tank whose float valve feeds this one; an id that is no tank of the network is a mains line.</param>
/// <param name="ValveLph">The most the float valve lets through in an hour.</param>
/// <param name="Metered">Whether a meter on its inlet publishes a running total.</param>
internal sealed record NetworkTank(
    TankConfig Config, double StartShare, Func<double, double>? DrawLph = null, IReadOnlyList<Fill>? Supply = null,
    string? FedBy = null, double ValveLph = 20_000, bool Metered = false);

/// <summary>A reading as published: a distance on the level topic, or a meter total on the inflow topic.</summary>
internal sealed record NetworkMessage(DateTimeOffset Ts, string TankId, bool IsInflow, double Value, bool Wild);

/// <summary>What really happened on one camp-local day, per tank and over the camp.</summary>
internal sealed record NetworkTruth(
    DateOnly Date, IReadOnlyDictionary<string, double> DrawnByPeopleL, IReadOnlyDictionary<string, double> FromOutsideL,
    IReadOnlyDictionary<string, double> ThroughValveL)
{
    public double DrawnL => DrawnByPeopleL.Values.Sum();

    public double DeliveredL => FromOutsideL.Values.Sum();
}

/// <summary>
/// A camp's network of tanks as the field gives it: a pump fills a reservoir, float valves keep the tanks it feeds
/// near full while people draw from them, trucks fill others. Each level sensor reports every
/// <see cref="IntervalMinutes"/> minutes (a second or two late), 10 % of readings lost, noise with σ half the stated
/// accuracy, one in 200 a false echo; each meter publishes its total every <see cref="MeterIntervalMinutes"/> minutes,
/// 10 % lost. Deterministic for a seed.
/// </summary>
internal sealed class FieldNetwork
{
    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(5);

    public required IReadOnlyList<NetworkTank> Tanks { get; init; }

    public required DateOnly FirstDay { get; init; }

    public int Days { get; init; } = 2;

    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");

    public double IntervalMinutes { get; init; } = 10;

    public double MeterIntervalMinutes { get; init; } = 15;

    public int Seed { get; init; } = 1;

    /// <summary>When every sensor stops; by default the end of the last day.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>A meter replaced (its total back to 0) at this instant.</summary>
    public DateTimeOffset? MeterResetAt { get; init; }

    public (List<NetworkMessage> Messages, List<NetworkTruth> Truth) Script()
    {
        var random = new Random(Seed);
        var n = Tanks.Count;
        var geometry = Tanks.Select(t => TankGeometry.From(t.Config)).ToArray();
        var volume = Tanks.Select((t, i) => t.StartShare * geometry[i].CapacityL).ToArray();
        var meter = new double[n];
        var index = Tanks.Select((t, i) => (t.Config.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var start = CampCalendar.DayBounds(FirstDay, Zone).Start;
        var end = End ?? CampCalendar.DayBounds(FirstDay.AddDays(Days - 1), Zone).End;
        var messages = new List<NetworkMessage>();
        var truth = new List<NetworkTruth>();
        var nextLevel = Tanks.Select(_ => start + TimeSpan.FromSeconds(random.NextDouble() * 60)).ToArray();
        var nextMeter = Tanks.Select(_ => start).ToArray();
        var slots = new int[n];
        var given = new Dictionary<(DateOnly, int, int), double>();
        var reset = false;

        var date = FirstDay;
        var (dayStart, dayEnd) = CampCalendar.DayBounds(date, Zone);
        var (drawn, outside, valve) = NewDay();
        for (var now = start; now < end; now += s_step)
        {
            if (now >= dayEnd)
            {
                truth.Add(new NetworkTruth(date, drawn, outside, valve));
                date = date.AddDays(1);
                (dayStart, dayEnd) = CampCalendar.DayBounds(date, Zone);
                (drawn, outside, valve) = NewDay();
            }

            if (MeterResetAt is { } at && !reset && now >= at)
            {
                reset = true;
                Array.Clear(meter);
            }

            Report(now);
            var hour = (now - dayStart).TotalHours;
            var dt = s_step.TotalHours;
            for (var i = 0; i < n; i++)
            {
                var tank = Tanks[i];
                var id = tank.Config.Id;
                var capacity = geometry[i].CapacityL;
                var draw = Math.Min(volume[i], (tank.DrawLph?.Invoke(hour) ?? 0) * dt);
                volume[i] -= draw;
                drawn[id] += draw;

                if (tank.FedBy is { } parent)
                {
                    // A float valve: opens as the level falls below its set point, as far as it can.
                    var want = Math.Min(tank.ValveLph * dt, Math.Max(0, (0.95 * capacity) - volume[i]));
                    var flow = index.TryGetValue(parent, out var p) ? Math.Min(want, volume[p]) : want;
                    if (index.TryGetValue(parent, out p))
                    {
                        volume[p] -= flow;
                    }
                    else
                    {
                        outside[id] += flow;
                    }

                    volume[i] += flow;
                    valve[id] += flow;
                    meter[i] += flow;
                }

                for (var f = 0; f < (tank.Supply?.Count ?? 0); f++)
                {
                    var fill = tank.Supply![f];
                    var key = (date, i, f);
                    var so = given.GetValueOrDefault(key);
                    if (hour >= fill.StartHour && hour < fill.StartHour + fill.Hours && so < fill.Litres)
                    {
                        var add = Math.Min(Math.Min(fill.Litres / fill.Hours * dt, fill.Litres - so), Math.Max(0, (0.99 * capacity) - volume[i]));
                        given[key] = so + (add > 0 ? add : fill.Litres);
                        volume[i] += add;
                        outside[id] += add;
                        meter[i] += tank.FedBy is null ? add : 0;
                    }
                }
            }
        }

        truth.Add(new NetworkTruth(date, drawn, outside, valve));
        return (messages, truth.Where(t => t.Date < FirstDay.AddDays(Days)).ToList());

        (Dictionary<string, double>, Dictionary<string, double>, Dictionary<string, double>) NewDay() =>
            (Tanks.ToDictionary(t => t.Config.Id, _ => 0.0), Tanks.ToDictionary(t => t.Config.Id, _ => 0.0), Tanks.ToDictionary(t => t.Config.Id, _ => 0.0));

        void Report(DateTimeOffset now)
        {
            for (var i = 0; i < n; i++)
            {
                var tank = Tanks[i];
                if (now >= nextLevel[i])
                {
                    if (slots[i] == 0 || random.NextDouble() >= 0.1)
                    {
                        var sensor = tank.Config.Sensor;
                        var distance = sensor.MountHeightMm - geometry[i].LevelAt(volume[i]);
                        var accuracy = SensorAccuracy.Of(sensor, MeasurementKind.DistanceMm, distance);
                        var wild = slots[i] > 0 && random.NextDouble() < 1.0 / 200;
                        var read = wild
                            ? sensor.BlindZoneMm + (random.NextDouble() * (sensor.MountHeightMm - sensor.BlindZoneMm))
                            : distance + (Gaussian(random) * accuracy / 2);
                        messages.Add(new NetworkMessage(now, tank.Config.Id, false, Math.Round(read, 1), wild));
                    }

                    slots[i]++;
                    nextLevel[i] = now + TimeSpan.FromMinutes(IntervalMinutes) + TimeSpan.FromSeconds(random.NextDouble() * 2);
                }

                if (tank.Metered && now >= nextMeter[i])
                {
                    if (random.NextDouble() >= 0.1)
                    {
                        messages.Add(new NetworkMessage(now, tank.Config.Id, true, Math.Round(meter[i], 1), false));
                    }

                    nextMeter[i] = now + TimeSpan.FromMinutes(MeterIntervalMinutes);
                }
            }
        }
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
