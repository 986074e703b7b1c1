namespace CampWater.Silo.Simulation;

/// <summary>What the <c>simulate</c> command was asked to do, read from its command line.</summary>
public sealed record SimulationPlan
{
    public string BrokerHost { get; init; } = "localhost";

    public int BrokerPort { get; init; } = 1883;

    public string? Username { get; init; }

    public string? Password { get; init; }

    public bool UseTls { get; init; }

    public string Registry { get; init; } = "camps.json";

    public int Seed { get; init; } = 42;

    /// <summary>Simulated time between two readings of one sensor.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Simulated time between two readings once the simulation has caught up with the wall clock; null: <see cref="Interval"/>.</summary>
    public TimeSpan? LiveInterval { get; init; }

    /// <summary>Simulated seconds per real second while the simulation is behind the wall clock; infinity: as fast as the broker takes it.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>The most messages a second while catching up, whatever <see cref="Speed"/> says; infinity: no bound.</summary>
    public double MaxMessagesPerSecond { get; init; } = double.PositiveInfinity;

    /// <summary>The simulated time of the first reading; null: now.</summary>
    public DateTimeOffset? Start { get; init; }

    /// <summary>Simulated time to run for; null: until stopped.</summary>
    public TimeSpan? Duration { get; init; }

    public int Qos { get; init; } = 1;

    /// <summary>The tanks to simulate; empty: every tank of the registry.</summary>
    public IReadOnlyList<TankSelector> Only { get; init; } = [];

    public IReadOnlyList<(TankSelector Target, SensorFormat Format)> Formats { get; init; } = [];

    public IReadOnlyList<(TankSelector Target, SensorCodec Codec)> Codecs { get; init; } = [];

    public IReadOnlyList<Scenario> Scenarios { get; init; } = [];

    /// <summary>Tanks with an online chlorine analyser besides those of a <c>chlorine-drop</c>, reading as dosed.</summary>
    public IReadOnlyList<TankSelector> ChlorineAnalysers { get; init; } = [];

    /// <summary>Tanks with a water meter on the inlet, which publishes its running total on the tank's inflow topic.</summary>
    public IReadOnlyList<TankSelector> MeteredInlets { get; init; } = [];

    /// <summary>People arriving in a camp: from <c>After</c> the start on, its tanks serve <c>Factor</c> times as many.</summary>
    public IReadOnlyList<(string CampId, TimeSpan After, double Factor)> Influxes { get; init; } = [];

    /// <summary>CampWater's address, where the simulated trucks' vouchers are entered; null: they are only printed.</summary>
    public Uri? ApiUrl { get; init; }

    /// <summary>A bearer token for <see cref="ApiUrl"/> when sign-in is on.</summary>
    public string? ApiToken { get; init; }
}
