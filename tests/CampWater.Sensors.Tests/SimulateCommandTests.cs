using CampWater.Silo.Commands;
using CampWater.Silo.Simulation;

namespace CampWater.Sensors.Tests;

public sealed class SimulateCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static SimulationPlan Parse(params string[] args)
    {
        Assert.True(SimulateCommand.TryParse(args, Now, out var plan, out var problem), problem);
        return plan;
    }

    [Fact]
    public void The_documented_example_reads_as_broker_registry_seed_and_a_night_leak()
    {
        var plan = Parse("--broker", "localhost:1883", "--registry", "camps.json", "--seed", "7", "--scenario", "night-leak:atmeh-3/t1");

        Assert.Equal(("localhost", 1883), (plan.BrokerHost, plan.BrokerPort));
        Assert.Equal("camps.json", plan.Registry);
        Assert.Equal(7, plan.Seed);
        Assert.Equal(ScenarioKind.NightLeak, Assert.Single(plan.Scenarios).Kind);
    }

    [Fact]
    public void Start_minus_6h_with_speed_max_replays_the_last_six_hours_as_fast_as_the_broker_takes_them()
    {
        var plan = Parse("--start", "-6h", "--speed", "max", "--interval", "5m", "--duration", "7h");

        Assert.Equal(Now.AddHours(-6), plan.Start);
        Assert.True(double.IsPositiveInfinity(plan.Speed));
        Assert.Equal(TimeSpan.FromMinutes(5), plan.Interval);
        Assert.Equal(TimeSpan.FromHours(7), plan.Duration);
    }

    [Fact]
    public void Tls_without_a_port_uses_8883()
    {
        Assert.Equal(8883, Parse("--broker", "broker.example.org", "--tls").BrokerPort);
    }

    [Fact]
    public void Formats_and_codecs_take_a_target()
    {
        var plan = Parse("--format", "atmeh-3/t3=tts", "--format", "native", "--codec", "atmeh-3=em500-udl");

        Assert.Equal([("atmeh-3/t3", SensorFormat.ThingsStack), ("*", SensorFormat.Native)], plan.Formats.Select(f => (f.Target.ToString(), f.Format)).ToArray());
        Assert.Equal(("atmeh-3", SensorCodec.Em500Udl), (plan.Codecs[0].Target.ToString(), plan.Codecs[0].Codec));
    }

    [Theory]
    [InlineData("--speed", "0", "--speed 0")]
    [InlineData("--interval", "0s", "--interval 0s")]
    [InlineData("--format", "lorawan", "'lorawan' is not one of the choices")]
    [InlineData("--scenario", "night-leak:Atmeh 3", "is not '*', a camp id or camp/tank")]
    [InlineData("--broker", "localhost:99999", "the port must be 1 to 65535")]
    [InlineData("--frobnicate", "1", "unknown option '--frobnicate'")]
    public void A_bad_option_is_refused_naming_it(string option, string value, string expected)
    {
        Assert.False(SimulateCommand.TryParse([option, value], Now, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_registry_file_is_a_clear_error_and_exit_code_1()
    {
        var output = new StringWriter();
        var code = await SimulateCommand.RunAsync(["--registry", "/no/such/camps.json"], output, output, TestContext.Current.CancellationToken);

        Assert.Equal(1, code);
        Assert.Contains("/no/such/camps.json", output.ToString(), StringComparison.Ordinal);
    }
}
