using System.Collections.Immutable;
using CampWater.Registry;
using CampWater.Silo.Simulation;

namespace CampWater.Sensors.Tests;

/// <summary>
/// A camp of 900 people with three 2,000 × 3,000 mm tanks (9,424.78 L each, 300 people each), quiet from 00:00 to 04:00
/// in Damascus, stepped every 5 minutes from 22:00 camp-local.
/// </summary>
internal static class SimulatedCamp
{
    public const string Id = "camp";
    public static readonly DateTimeOffset Evening = new(2026, 11, 27, 22, 0, 0, TimeSpan.FromHours(3));
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    public static TankConfig Tank(string id, string? devEui) =>
        new(id, id, null, TankShapeKind.VerticalCylinder, 2000, 3000, null, null, ImmutableArray<StrappingPoint>.Empty,
            new SensorConfig(3300, 250, devEui), Thresholds.Default);

    public static CampConfig Camp { get; } = new(Id, "Camp", "Asia/Damascus", 900, 20, "00:00-04:00",
        [Tank("dragino", "A84041000181C3F1"), Tank("milesight", "24E124713B291001"), Tank("native", null)]);

    public static ScenarioSimulation Start(SimulationPlan? plan = null, List<string>? notes = null) =>
        new([Camp], plan ?? new SimulationPlan(), Evening, notes is null ? null : notes.Add);

    public static SimulationPlan With(params Scenario[] scenarios) => new() { Scenarios = scenarios };

    public static Scenario Scenario(ScenarioKind kind, string tank, TimeSpan? after = null) =>
        new(kind, new TankSelector(Id, tank), after ?? TimeSpan.Zero);

    /// <summary>Runs the simulation for <paramref name="hours"/>, calling back after each step with its time and messages.</summary>
    public static void Run(ScenarioSimulation simulation, double hours, Action<DateTimeOffset, IReadOnlyList<SensorMessage>>? after = null)
    {
        for (var t = Evening; t <= Evening.AddHours(hours); t += Step)
        {
            var messages = simulation.Step(t);
            after?.Invoke(t, messages);
        }
    }

    public static SimulatedTank TankOf(ScenarioSimulation simulation, string id) => simulation.Sensors.Single(s => s.TankId == id).Tank;
}
