using CampWater.Registry;
using CampWater.Water;

namespace CampWater.Silo.Simulation;

/// <summary>
/// A tank as a demo or a trainer sees it: people draw water by the hour of the camp-local day (queues
/// at dawn and dusk, quiet at night), a truck or pump refills it when it runs low, and its sensor reads
/// with a few millimetres of noise. Deterministic for a given seed. A scenario changes its
/// <see cref="Behaviour"/>: a leak, a truck that does not come, a pump that overfills, a fading battery.
/// </summary>
public sealed class SimulatedTank
{
    /// <summary>Share of a day's draw in each camp-local hour; sums to 24 so the mean hour is 1.</summary>
    /// <remarks>
    /// Quiet from 23:00 to 05:00, so that an ordinary night stays under a night-draw limit of 5 % for camps whose
    /// quiet hours begin at 23:00 (Kutupalong's) as well as at midnight.
    /// </remarks>
    private static readonly double[] HourlyDemand =
    [
        0.05, 0.05, 0.05, 0.05, 0.2, 1.2, 2.2, 2.2, 1.8, 1.1, 0.9, 0.9,
        1.0, 1.0, 0.9, 0.9, 1.2, 1.9, 2.6, 1.6, 1.0, 0.6, 0.5, 0.1,
    ];

    // What people draw: a little over the UNHCR target of 20 l/p/d, since the ledger does not see what is drawn
    // while a truck fills the tank (it hides in the inflow). An ordinary simulated day then meets the target, and
    // a day that falls short is the work of a scenario (a truck that did not come), as a demo should show.
    private const double LitresPerPersonPerDay = 22;
    /// <summary>A truck is called this far above the tank's low threshold: a well-run camp does not wait for the alert.</summary>
    private const double RefillMarginPct = 5;
    private const double NoiseMm = 3;

    private readonly TankConfig _config;
    private readonly TankGeometry _geometry;
    private readonly TimeZoneInfo _zone;
    private readonly int _serves;
    private readonly Random _random;
    private double _levelMm;
    private bool _refilling;
    private double _batteryPct;

    /// <summary>A tank fed by pipe from another: a float valve lets in up to this share of its capacity an hour.</summary>
    private const double ValveShareOfCapacityPerHour = 0.5;

    /// <summary>The float valve's set point: the valve shuts as the level reaches it.</summary>
    private const double ValveSetShare = 0.95;

    public SimulatedTank(string campId, TankConfig config, string timeZone, int servesPopulation, int seed)
    {
        CampId = campId;
        _config = config;
        _geometry = TankGeometry.From(config);
        _zone = CampCalendar.Zone(timeZone);
        _serves = servesPopulation;
        _random = new Random(seed);
        _levelMm = _geometry.FullHeightMm * (0.4 + 0.5 * _random.NextDouble());
        _batteryPct = 70 + 29 * _random.NextDouble();
        SeqNo = 0;
        Trucks = new TruckTrips(campId, config.Id, seed);
    }

    /// <summary>The trucks that fill the tank, and the vouchers their drivers hand over.</summary>
    public TruckTrips Trucks { get; }

    public string CampId { get; }

    public string TankId => _config.Id;

    public long SeqNo { get; private set; }

    public double LevelMm => _levelMm;

    public double BatteryPct => _batteryPct;

    public TankGeometry Geometry => _geometry;

    public TankBehaviour Behaviour { get; } = new();

    /// <summary>The tank that feeds this one by pipe through a float valve; null for a tank a truck or pump fills.</summary>
    public SimulatedTank? Feeder { get; set; }

    /// <summary>Everything that entered through the inlet, as a meter on it counts.</summary>
    public double InflowTotalL { get; private set; }

    /// <summary>Takes up to <paramref name="litres"/> from the tank (a float valve downstream opening), and says how much it gave.</summary>
    public double Take(double litres)
    {
        var volume = _geometry.VolumeAt(_levelMm);
        var given = Math.Clamp(litres, 0, volume);
        _levelMm = _geometry.LevelAt(volume - given);
        return given;
    }

    /// <summary>A sensor that is switched off, or whose battery is flat, sends nothing.</summary>
    public bool IsSilent => Behaviour.Silent || _batteryPct <= 0;

    /// <summary>Moves the tank on by <paramref name="elapsed"/> ending at <paramref name="now"/>, and reads the sensor.</summary>
    public SimulatedReading Step(DateTimeOffset now, TimeSpan elapsed)
    {
        var hour = TimeZoneInfo.ConvertTime(now, _zone).Hour;
        var behaviour = Behaviour;
        var drawLph = _serves * behaviour.DemandFactor * LitresPerPersonPerDay / 24 * HourlyDemand[hour]
            + behaviour.LeakShareOfCapacityPerHour * _geometry.CapacityL;
        var volume = _geometry.VolumeAt(_levelMm);
        var pct = _levelMm / _geometry.FullHeightMm * 100;
        if (!behaviour.RefillsEnabled)
        {
            _refilling = false;
        }
        else if (pct < _config.Thresholds.LowPct + RefillMarginPct || behaviour.StartRefill)
        {
            _refilling = true;
        }
        else if (pct > behaviour.RefillUntilPct)
        {
            _refilling = false;
        }

        behaviour.StartRefill = false;

        // A water truck pumps a tank and a half an hour into it (10 to 30 m³/h): a refill is over in half an hour.
        var refillLph = _refilling && Feeder is null ? _geometry.CapacityL * 1.5 : 0;
        var next = volume + (refillLph - drawLph) * elapsed.TotalHours;
        var before = volume;
        if (Feeder is { } feeder)
        {
            // A float valve: opens as the level falls below its set point, as far as the pipe lets it.
            var want = Math.Min(_geometry.CapacityL * ValveShareOfCapacityPerHour * elapsed.TotalHours, Math.Max(0, (_geometry.CapacityL * ValveSetShare) - next));
            var got = feeder.Take(want);
            next += got;
            InflowTotalL += got;
        }

        if (_refilling && double.IsFinite(behaviour.RefillUntilPct)
            && _geometry.VolumeAt(_geometry.FullHeightMm * behaviour.RefillUntilPct / 100) is var full && next > full)
        {
            // The truck stops at the level it fills to and leaves, however long a step is: readings 10 minutes
            // apart must not show an overflow that a real refill would not have.
            next = Math.Max(volume, full);
            _refilling = false;
        }

        volume = Math.Clamp(next, 0, _geometry.CapacityL);
        if (refillLph > 0)
        {
            InflowTotalL += Math.Max(0, volume - before + (drawLph * elapsed.TotalHours));
        }

        _levelMm = _geometry.LevelAt(volume);
        var pumped = refillLph > 0 ? Math.Max(0, volume - before + (drawLph * elapsed.TotalHours)) : 0;
        Trucks.Step(now - elapsed, now, pumped, _refilling, behaviour);
        _batteryPct = Math.Max(Math.Min(behaviour.BatteryFloorPct, _batteryPct), _batteryPct - elapsed.TotalDays * behaviour.BatteryDrainPctPerDay);

        var noise = (_random.NextDouble() * 2 - 1) * NoiseMm;
        var distance = Math.Max(_config.Sensor.BlindZoneMm + 1, _config.Sensor.MountHeightMm - _levelMm + noise);
        SeqNo++;
        return new SimulatedReading(now, Math.Round(distance), Math.Round(_batteryPct), -85 - _random.Next(0, 30), SeqNo);
    }
}
