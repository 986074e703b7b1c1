using CampWater.Alerts;
using Xunit;
using static CampWater.Services.Tests;

namespace CampWater.Services;

/// <summary>One open condition per place and kind; the next test at the same place within range resolves it.</summary>
public sealed class QualityLifecycleTests
{
    private readonly QualityMemory _memory = new();

    private IReadOnlyList<AlertSignal> Judge(QualityReading test) => QualityRules.Judge(_memory, test, Standard);

    [Fact]
    public void A_test_of_0_6_after_one_of_0_1_at_the_same_tank_resolves_low_chlorine()
    {
        Judge(AtTank(frc: 0.1));

        var signal = Judge(AtTank(frc: 0.6, ts: Morning.AddHours(2))).Single();

        Assert.Equal(AlertKind.QualityFrcLow, signal.Kind);
        Assert.False(signal.Holds);
        Assert.Equal(0.6, signal.Value);
        Assert.Equal(Morning.AddHours(2), signal.At);
        Assert.Equal("Free chlorine 0.6 mg/L is back within 0.2–2 mg/L", signal.Message);
    }

    [Fact]
    public void A_second_test_of_0_15_while_low_chlorine_is_open_says_nothing_new()
    {
        Judge(AtTank(frc: 0.1));

        Assert.Empty(Judge(AtTank(frc: 0.15, ts: Morning.AddHours(1))));
    }

    [Fact]
    public void A_good_test_at_another_place_does_not_resolve_low_chlorine_at_tank_t1()
    {
        Judge(AtTank(frc: 0.1));

        Assert.Empty(Judge(AtTank(frc: 0.6, tank: "t2", ts: Morning.AddHours(1))));
        Assert.Empty(Judge(AtPoint(frc: 0.6, ts: Morning.AddHours(1))));
        Assert.Single(Judge(AtTank(frc: 0.6, ts: Morning.AddHours(2))));
    }

    [Fact]
    public void A_test_of_turbidity_alone_does_not_resolve_low_chlorine()
    {
        Judge(AtTank(frc: 0.1));

        Assert.Empty(Judge(AtTank(turbidity: 1, ts: Morning.AddHours(1))));
    }

    [Fact]
    public void A_point_and_a_tank_of_the_same_id_are_different_places()
    {
        Judge(AtTank(frc: 0.1, tank: "x1"));

        var atPoint = Judge(AtPoint(frc: 0.1, point: "x1"));

        Assert.Equal(AlertKind.QualityFrcLow, Assert.Single(atPoint).Kind);
    }

    [Fact]
    public void A_pH_that_goes_from_6_2_to_9_signals_again_with_the_other_limit()
    {
        Judge(AtTank(ph: 6.2));

        var signal = Judge(AtTank(ph: 9, ts: Morning.AddHours(1))).Single();

        Assert.True(signal.Holds);
        Assert.Equal(8.5, signal.Threshold);
        Assert.Equal("pH 9 is above 8.5", signal.Message);
    }

    [Fact]
    public void After_a_manual_resolve_the_next_test_of_0_1_raises_low_chlorine_again()
    {
        Judge(AtTank(frc: 0.1));
        _memory.Reset(QualityPlace.Key("t1", null), AlertKind.QualityFrcLow);

        Assert.True(Judge(AtTank(frc: 0.12, ts: Morning.AddHours(1))).Single().Holds);
    }

    [Fact]
    public void E_coli_of_2_then_0_CFU_raises_then_resolves()
    {
        var raised = Judge(AtTank(ecoli: 2)).Single();
        var resolved = Judge(AtTank(ecoli: 0, ts: Morning.AddHours(3))).Single();

        Assert.True(raised.Holds);
        Assert.Equal("E. coli found: 2 CFU per 100 mL; drinking water must have none", raised.Message);
        Assert.False(resolved.Holds);
        Assert.Equal(AlertKind.QualityEcoli, resolved.Kind);
    }
}
