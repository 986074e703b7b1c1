using CampWater.Registry;
using CampWater.Water;

namespace CampWater.Silo.Simulation;

/// <summary>
/// The simulated camps, stepped through simulated time: each step moves every tank on by its demand, refills,
/// leaks and whatever its scenarios changed, and yields the messages its sensors send. Pure: no clock, no MQTT,
/// so that a seed and a start time always give the same messages.
/// </summary>
public sealed class ScenarioSimulation
{
    /// <summary>Readings a sensor stores while no gateway hears it; an EM500-UDL keeps far more, but one uplink must carry them.</summary>
    public const int MaxStored = 200;

    /// <summary>How often a chlorine analyser reports: a common setting, and plenty for a day-long drop.</summary>
    public static readonly TimeSpan QualityInterval = TimeSpan.FromMinutes(15);

    private readonly List<(Scenario Scenario, bool Begun)> _scenarios;
    private readonly DateTimeOffset _start;
    private DateTimeOffset _last;
    private readonly SimulationPlan _plan;

    public ScenarioSimulation(IReadOnlyList<CampConfig> camps, SimulationPlan plan, DateTimeOffset start, Action<string>? note = null)
    {
        _start = start;
        _last = start;
        var sensors = new List<SimulatedSensor>();
        var index = 0;
        foreach (var camp in camps)
        {
            var serves = CampWater.Camps.CampModel.Serves(camp, camp.Population);
            for (var i = 0; i < camp.Tanks.Length; i++)
            {
                var config = camp.Tanks[i];
                var seed = plan.Seed + index++;
                if (plan.Only.Count > 0 && !plan.Only.Any(s => s.Matches(camp.Id, config.Id)))
                {
                    continue;
                }

                var devEui = config.Sensor.DevEui;
                var format = Pick(plan.Formats, camp.Id, config.Id) ?? (devEui is null ? SensorFormat.Native : SensorFormat.ChirpStack);
                if (format != SensorFormat.Native && devEui is null)
                {
                    note?.Invoke($"{camp.Id}/{config.Id} has no sensor.devEui in the registry, so CampWater could not place its uplinks; it publishes in the native format");
                    format = SensorFormat.Native;
                }

                var codec = Pick(plan.Codecs, camp.Id, config.Id) ?? SensorMessageWriter.CodecFor(devEui);
                var analysed = plan.ChlorineAnalysers.Any(s => s.Matches(camp.Id, config.Id))
                    || plan.Scenarios.Any(s => s.Kind == ScenarioKind.ChlorineDrop && s.Target.Matches(camp.Id, config.Id));
                sensors.Add(new SimulatedSensor(new SimulatedTank(camp.Id, config, camp.TimeZone, serves[i], seed), devEui, format, codec)
                {
                    Chlorine = analysed ? new SimulatedChlorine(seed) : null,
                    NextQualityAt = start,
                });
            }
        }

        Sensors = sensors;
        _plan = plan;

        // Tanks fed by pipe take their water from the tank that feeds them, through float valves.
        foreach (var camp in camps)
        {
            foreach (var config in camp.Tanks)
            {
                var feeder = sensors.Find(s => s.CampId == camp.Id && s.TankId == config.Id);
                foreach (var child in sensors.Where(s => s.CampId == camp.Id && config.FeedsOrEmpty.Contains(s.TankId)))
                {
                    child.Tank.Feeder = feeder?.Tank;
                }
            }
        }

        _scenarios = [.. plan.Scenarios.Select(s => (s, false))];
        foreach (var scenario in plan.Scenarios)
        {
            if (!sensors.Any(s => scenario.Target.Matches(s.CampId, s.TankId)))
            {
                note?.Invoke($"scenario {scenario} names no simulated tank");
            }
        }
    }

    public IReadOnlyList<SimulatedSensor> Sensors { get; }

    /// <summary>Moves every tank on to <paramref name="now"/> and returns what their sensors send.</summary>
    public IReadOnlyList<SensorMessage> Step(DateTimeOffset now, Action<string>? note = null)
    {
        for (var i = 0; i < _scenarios.Count; i++)
        {
            var (scenario, begun) = _scenarios[i];
            if (!begun && now >= _start + scenario.After)
            {
                _scenarios[i] = (scenario, true);
                foreach (var sensor in Sensors.Where(s => scenario.Target.Matches(s.CampId, s.TankId)))
                {
                    scenario.Begin(sensor.Tank, now);
                    note?.Invoke($"{now:u} {Scenario.NameOf(scenario.Kind)} begins at {sensor.CampId}/{sensor.TankId}");
                }
            }
        }

        foreach (var (campId, after, factor) in _plan.Influxes)
        {
            if (now >= _start + after && _last < _start + after)
            {
                foreach (var sensor in Sensors.Where(s => s.CampId == campId))
                {
                    sensor.Tank.Behaviour.DemandFactor *= factor;
                }

                note?.Invoke($"{now:u} {campId}: people arrive, {factor:0.##} times as many draw water");
            }
        }

        var elapsed = now - _last;
        _last = now;
        var messages = new List<SensorMessage>(Sensors.Count);
        foreach (var sensor in Sensors)
        {
            if (sensor.Chlorine is { } chlorine && now >= sensor.NextQualityAt)
            {
                // The analyser is a device of its own: it reads on its own schedule, whatever the level sensor does.
                chlorine.DropFrom = sensor.Tank.Behaviour.ChlorineDropFrom;
                messages.Add(new SensorMessage(sensor.CampId, sensor.TankId, Ingestion.QualityTopic.ForTank(sensor.CampId, sensor.TankId),
                    System.Text.Encoding.UTF8.GetBytes(chlorine.Read(now))));
                sensor.NextQualityAt = now + QualityInterval;
            }

            var wasSilent = sensor.Tank.IsSilent;
            var reading = sensor.Tank.Step(now, elapsed);
            if (_plan.MeteredInlets.Any(m => m.Matches(sensor.CampId, sensor.TankId)))
            {
                // The meter is a device of its own, powered apart from the level sensor: it reports whatever that does.
                messages.Add(new SensorMessage(sensor.CampId, sensor.TankId, Ingestion.InflowTopic.ForTank(sensor.CampId, sensor.TankId),
                    System.Text.Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $$"""{"ts":"{{now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}}","totalL":{{Math.Round(sensor.Tank.InflowTotalL, 1)}}}"""))));
            }

            if (sensor.Tank.IsSilent)
            {
                if (!wasSilent)
                {
                    note?.Invoke($"{now:u} {sensor.CampId}/{sensor.TankId} falls silent");
                }

                continue;
            }

            if (sensor.Tank.Behaviour.UnheardUntil is { } until && now < until)
            {
                // Only a sensor with a store keeps what no gateway heard.
                if (sensor.Stores && sensor.Stored.Count < MaxStored)
                {
                    sensor.Stored.Add(reading);
                }

                continue;
            }

            messages.Add(SensorMessageWriter.Write(sensor.CampId, sensor.TankId, sensor.DevEui, sensor.Format, sensor.Codec, reading, sensor.Stored));
            sensor.Stored.Clear();
        }

        return messages;
    }

    /// <summary>The vouchers handed over since the last call, oldest first.</summary>
    public IReadOnlyList<SimulatedVoucher> TakeVouchers()
    {
        var vouchers = Sensors.SelectMany(s => s.Tank.Trucks.Vouchers).OrderBy(v => v.DeliveredAt).ToList();
        foreach (var sensor in Sensors)
        {
            sensor.Tank.Trucks.Vouchers.Clear();
        }

        return vouchers;
    }

    private static T? Pick<T>(IReadOnlyList<(TankSelector Target, T Value)> choices, string campId, string tankId)
        where T : struct =>
        choices.Where(c => c.Target.Matches(campId, tankId)).OrderByDescending(c => c.Target.Specificity).Select(c => (T?)c.Value).FirstOrDefault();
}
