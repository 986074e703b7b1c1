using CampWater.Readings;
using CampWater.Tanks;
using CampWater.Water;

namespace CampWater.FieldData;

/// <summary>
/// Two camp days of one tank as the field gives them: the water drawn and delivered second by second (the
/// truth), and what the sensor reports of it: a reading every <see cref="IntervalMinutes"/> minutes (a second or
/// two late at random), 10 % of them lost, each off by normal noise with σ half the stated accuracy, and one in
/// 200 a false echo anywhere between the blind zone and the floor. The first day warms the tank up; the second
/// is the one measured. Deterministic for a seed.
/// </summary>
internal sealed class FieldDay
{
    public const double LossShare = 0.1;

    public const double WildShare = 1.0 / 200;

    private static readonly TimeSpan s_step = TimeSpan.FromSeconds(5);

    public required FieldTank Tank { get; init; }

    public required double IntervalMinutes { get; init; }

    public required int Seed { get; init; }

    /// <summary>Litres an hour drawn at a camp-local hour of the day (fractional).</summary>
    public required Func<double, double> DrawLph { get; init; }

    public IReadOnlyList<Fill> Fills { get; init; } = [];

    public double StartShare { get; init; } = 0.5;

    /// <summary>The camp-local day measured; the day before it warms the tank up.</summary>
    public DateOnly MeasuredDay { get; init; } = new(2026, 11, 30);

    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Damascus");

    /// <summary>When the sensor stops reporting; by default three hours into the day after.</summary>
    public DateTimeOffset? End { get; init; }

    /// <summary>The readings as the sensor sends them, as distances, and what really happened on the measured day.</summary>
    public FieldScript Script()
    {
        var geometry = TankGeometry.From(Tank.Config);
        var sensor = Tank.Config.Sensor;
        var random = new Random(Seed);
        var start = CampCalendar.DayBounds(MeasuredDay.AddDays(-1), Zone).Start;
        var end = End ?? CampCalendar.DayBounds(MeasuredDay, Zone).End.AddHours(3);

        double volume = StartShare * geometry.CapacityL, drawnTruth = 0, deliveredTruth = 0;
        var readings = new List<FieldReading>();
        var filled = new HashSet<(DateOnly, int)>();
        var slot = 0;
        var next = start;
        var date = MeasuredDay.AddDays(-1);
        var (dayStart, dayEnd) = CampCalendar.DayBounds(date, Zone);
        for (var k = 0; ; k++)
        {
            var now = start + (s_step * k);
            if (now >= end)
            {
                break;
            }

            if (now >= next)
            {
                if (slot == 0 || random.NextDouble() >= LossShare)
                {
                    var distance = sensor.MountHeightMm - geometry.LevelAt(volume);
                    var accuracy = SensorAccuracy.Of(sensor, MeasurementKind.DistanceMm, distance);
                    var wild = slot > 0 && random.NextDouble() < WildShare;
                    var read = wild
                        ? sensor.BlindZoneMm + (random.NextDouble() * (sensor.MountHeightMm - sensor.BlindZoneMm))
                        : distance + (Gaussian(random) * accuracy / 2);
                    readings.Add(new FieldReading(now, Math.Round(read, 1), wild));
                }

                // The next slot: every interval from the start, a second or two late.
                next = start + TimeSpan.FromMinutes(IntervalMinutes * ++slot) + TimeSpan.FromSeconds(random.NextDouble() * 2);
            }

            if (now >= dayEnd)
            {
                date = date.AddDays(1);
                (dayStart, dayEnd) = CampCalendar.DayBounds(date, Zone);
            }

            var hour = (now - dayStart).TotalHours;
            var dt = s_step.TotalHours;
            var draw = DrawLph(hour) * dt;
            double fill = 0;
            for (var i = 0; i < Fills.Count; i++)
            {
                var f = Fills[i];
                if (hour >= f.StartHour && hour < f.StartHour + f.Hours && !filled.Contains((date, i)))
                {
                    // A truck stops when the tank is full.
                    var want = f.Litres / f.Hours * dt;
                    var room = (geometry.CapacityL * 0.995) - volume + draw;
                    if (want >= room)
                    {
                        want = Math.Max(0, room);
                        filled.Add((date, i));
                    }

                    fill += want;
                }
            }

            draw = Math.Min(draw, volume + fill);
            volume += fill - draw;
            if (date == MeasuredDay)
            {
                drawnTruth += draw;
                deliveredTruth += fill;
            }
        }

        return new FieldScript(geometry.CapacityL, readings, drawnTruth, deliveredTruth);
    }

    /// <summary>The script through a tank's model, as its grain would apply it, and the measured day of its ledger.</summary>
    public FieldResult Run()
    {
        var script = Script();
        var geometry = TankGeometry.From(Tank.Config);
        var record = new TankRecord { Config = Tank.Config, CampId = "field", TimeZone = Zone.Id };
        foreach (var r in script.Readings)
        {
            TankModel.Apply(record, new TankReading(r.Ts, MeasurementKind.DistanceMm, r.DistanceMm, r.Ts), geometry, Zone);
        }

        var day = record.Days.Single(d => d.Date == MeasuredDay);
        return new FieldResult(
            script.CapacityL, script.TrueDrawnL, script.TrueDeliveredL, day.DrawnL, day.DeliveredL, day.EstimatedL,
            script.Readings.Count(r => r.Wild), record.Counters.Wild);
    }

    private static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
