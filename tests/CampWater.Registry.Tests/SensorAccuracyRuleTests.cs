using System.Text.Json.Nodes;
using static CampWater.Registry.Tests.RegistryFile;

namespace CampWater.Registry.Tests;

/// <summary>The sensor's stated accuracy, ±(accuracyMm + accuracyPct % of the distance read), and what it can see.</summary>
public sealed class SensorAccuracyRuleTests
{
    [Fact]
    public void A_sensor_without_accuracy_is_taken_as_plus_or_minus_10_mm_and_0_3_percent()
    {
        var sensor = TankWith(_ => { }).Sensor;

        Assert.Equal((10, 0.3), (sensor.AccuracyMm, sensor.AccuracyPct));
    }

    [Fact]
    public void A_sensor_stated_at_5_mm_and_0_5_percent_keeps_them_and_writes_them_back()
    {
        var tank = TankWith(t => { t["sensor"]!["accuracyMm"] = 5; t["sensor"]!["accuracyPct"] = 0.5; });

        Assert.Equal((5, 0.5), (tank.Sensor.AccuracyMm, tank.Sensor.AccuracyPct));
        var written = RegistryWriter.ToJson(tank);
        Assert.Equal(5, written["sensor"]!["accuracyMm"]!.GetValue<double>());
        Assert.Equal(0.5, written["sensor"]!["accuracyPct"]!.GetValue<double>());
    }

    [Theory]
    [InlineData(0, "must be greater than 0")]
    [InlineData(-1, "must be greater than 0")]
    [InlineData(1001, "must be at most 1000")]
    public void An_accuracyMm_of_0_or_less_or_over_1000_is_rejected_naming_the_field(double accuracyMm, string reason)
    {
        var problem = ProblemWithTank(t => t["sensor"]!["accuracyMm"] = accuracyMm);

        Assert.Equal($"camp 'atmeh-3', tank 't1', field 'sensor.accuracyMm': {reason}", problem.Message);
    }

    [Theory]
    [InlineData(-0.1, "must be at least 0")]
    [InlineData(10.5, "must be at most 10")]
    public void An_accuracyPct_below_0_or_over_10_is_rejected_naming_the_field(double accuracyPct, string reason)
    {
        var problem = ProblemWithTank(t => t["sensor"]!["accuracyPct"] = accuracyPct);

        Assert.Equal($"camp 'atmeh-3', tank 't1', field 'sensor.accuracyPct': {reason}", problem.Message);
    }

    [Fact]
    public void A_sensor_at_2150_mm_with_a_250_mm_blind_zone_over_a_2000_mm_tank_cannot_see_overflow_at_98_percent_and_is_refused()
    {
        // It sees up to 2150 − 250 = 1900 mm, 95 % of the height: overflow above 98 % could never raise.
        var problem = ProblemWithTank(t =>
        {
            Reshape(t, "horizontal-cylinder", ("diameterMm", 2000), ("lengthMm", 4000));
            t["sensor"] = Json("""{ "mountHeightMm": 2150, "blindZoneMm": 250 }""");
            t.Remove("thresholds");
        });

        Assert.Equal("thresholds.overflowPct", problem.Field);
        Assert.Equal(
            "camp 'atmeh-3', tank 't1', field 'thresholds.overflowPct': 98 % is above what the sensor can see: mountHeightMm 2150 − blindZoneMm 250 = 1900 mm, 95 % of the full height of 2000 mm; lower overflowPct to at most 95 or mount the sensor higher",
            problem.Message);
    }

    [Fact]
    public void The_same_sensor_with_overflow_at_95_percent_can_see_it_and_is_accepted()
    {
        var tank = TankWith(t =>
        {
            Reshape(t, "horizontal-cylinder", ("diameterMm", 2000), ("lengthMm", 4000));
            t["sensor"] = Json("""{ "mountHeightMm": 2150, "blindZoneMm": 250 }""");
            t["thresholds"] = Json("""{ "overflowPct": 95 }""");
        });

        Assert.Equal(95, tank.Thresholds.OverflowPct);
    }

    [Fact]
    public void A_tank_body_of_the_api_whose_sensor_cannot_see_overflow_at_98_percent_is_refused_naming_thresholds_overflowPct()
    {
        var body = Tank(Example());
        body["sensor"] = Json("""{ "mountHeightMm": 3000, "blindZoneMm": 280 }""");

        var problem = Assert.Single(RegistryReader.ReadTank("t1", Element(body.ToJsonString())).Problems);

        Assert.Equal("thresholds.overflowPct", problem.Path);
        Assert.StartsWith("98 % is above what the sensor can see: mountHeightMm 3000 − blindZoneMm 280 = 2720 mm, 90.6 %", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Silo/camps.demo.json")]
    [InlineData("deploy/camps.json")]
    public void The_shipped_registry_reads_without_a_problem_so_every_sensor_sees_its_overflow_level(string file)
    {
        var result = RegistryReader.ReadFile(File.ReadAllText(Path.Combine(RepoRoot(), file)));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems.Select(p => p.Message)));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CampWater.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CampWater.slnx not found above the test's folder.");
    }
}
