using CampWater.Alerts;
using CampWater.Registry;
using Xunit;
using static CampWater.Services.Tests;

namespace CampWater.Services;

/// <summary>Each limit of the standard (FRC 0.2–2 mg/L, turbidity up to 5 NTU, pH 6.5–8.5, no E. coli) at its edge.</summary>
public sealed class QualityThresholdTests
{
    private static AlertKind[] Problems(QualityReading test, QualityThresholds? limits = null) =>
        [.. QualityRules.Problems(test, limits ?? Standard)];

    [Fact]
    public void Free_chlorine_of_exactly_0_2_mg_per_litre_meets_the_minimum_of_0_2()
    {
        Assert.Empty(Problems(AtTank(frc: 0.2)));
    }

    [Fact]
    public void Free_chlorine_of_0_19_mg_per_litre_is_below_the_minimum_of_0_2()
    {
        Assert.Equal([AlertKind.QualityFrcLow], Problems(AtTank(frc: 0.19)));
    }

    [Fact]
    public void Free_chlorine_of_exactly_2_mg_per_litre_meets_the_maximum_of_2()
    {
        Assert.Empty(Problems(AtTank(frc: 2)));
    }

    [Fact]
    public void Free_chlorine_of_2_01_mg_per_litre_is_above_the_maximum_of_2()
    {
        Assert.Equal([AlertKind.QualityFrcHigh], Problems(AtTank(frc: 2.01)));
    }

    [Fact]
    public void Turbidity_of_exactly_5_NTU_meets_the_maximum_of_5_and_5_01_NTU_does_not()
    {
        Assert.Empty(Problems(AtTank(turbidity: 5)));
        Assert.Equal([AlertKind.QualityTurbidity], Problems(AtTank(turbidity: 5.01)));
    }

    [Fact]
    public void A_pH_of_exactly_6_5_and_8_5_is_in_range_and_6_49_and_8_51_are_not()
    {
        Assert.Empty(Problems(AtTank(ph: 6.5)));
        Assert.Empty(Problems(AtTank(ph: 8.5)));
        Assert.Equal([AlertKind.QualityPh], Problems(AtTank(ph: 6.49)));
        Assert.Equal([AlertKind.QualityPh], Problems(AtTank(ph: 8.51)));
    }

    [Fact]
    public void No_E_coli_is_safe_and_1_CFU_per_100_mL_is_a_problem()
    {
        Assert.Empty(Problems(AtTank(ecoli: 0)));
        Assert.Equal([AlertKind.QualityEcoli], Problems(AtTank(ecoli: 1)));
    }

    [Fact]
    public void A_test_of_0_1_mg_per_litre_7_NTU_pH_9_and_3_CFU_has_four_problems_in_a_fixed_order()
    {
        Assert.Equal(
            [AlertKind.QualityFrcLow, AlertKind.QualityTurbidity, AlertKind.QualityEcoli, AlertKind.QualityPh],
            Problems(AtTank(frc: 0.1, turbidity: 7, ph: 9, ecoli: 3)));
    }

    [Fact]
    public void The_severities_are_critical_for_low_chlorine_and_E_coli_and_warning_for_the_rest()
    {
        var signals = QualityRules.Judge(new QualityMemory(), AtTank(frc: 0.1, turbidity: 7, ph: 9, ecoli: 3), Standard);
        var high = QualityRules.Judge(new QualityMemory(), AtTank(frc: 2.5), Standard).Single();

        Assert.Equal(AlertSeverity.Critical, signals.Single(s => s.Kind == AlertKind.QualityFrcLow).Severity);
        Assert.Equal(AlertSeverity.Critical, signals.Single(s => s.Kind == AlertKind.QualityEcoli).Severity);
        Assert.Equal(AlertSeverity.Warning, signals.Single(s => s.Kind == AlertKind.QualityTurbidity).Severity);
        Assert.Equal(AlertSeverity.Warning, signals.Single(s => s.Kind == AlertKind.QualityPh).Severity);
        Assert.Equal(AlertSeverity.Warning, high.Severity);
        Assert.Equal(AlertKind.QualityFrcHigh, high.Kind);
    }

    [Fact]
    public void Low_chlorine_of_0_1_carries_the_figure_the_minimum_and_a_sentence_with_both()
    {
        var signal = QualityRules.Judge(new QualityMemory(), AtTank(frc: 0.1), Standard).Single();

        Assert.True(signal.Holds);
        Assert.Equal(0.1, signal.Value);
        Assert.Equal(0.2, signal.Threshold);
        Assert.Equal(Morning, signal.At);
        Assert.Equal("Free chlorine 0.1 mg/L is below the minimum of 0.2 mg/L", signal.Message);
    }

    [Fact]
    public void A_test_that_measured_only_pH_says_nothing_about_chlorine_turbidity_or_E_coli()
    {
        var signals = QualityRules.Judge(new QualityMemory(), AtTank(ph: 7.2), Standard);

        Assert.Empty(signals);
    }
}
