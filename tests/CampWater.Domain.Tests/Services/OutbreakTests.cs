using CampWater.Alerts;
using CampWater.Registry;
using Xunit;
using static CampWater.Services.Tests;

namespace CampWater.Services;

/// <summary>During an outbreak the chlorine minimum is 0.5 mg/L, unless the camp set its own.</summary>
public sealed class OutbreakTests
{
    private static readonly QualityThresholds s_outbreak = new(Outbreak: true);

    [Fact]
    public void The_minimum_in_force_is_0_2_normally_and_0_5_in_an_outbreak()
    {
        Assert.Equal(0.2, Standard.EffectiveFrcMinMgL);
        Assert.Equal(0.5, s_outbreak.EffectiveFrcMinMgL);
    }

    [Fact]
    public void Free_chlorine_of_0_45_mg_per_litre_is_enough_normally_and_too_little_in_an_outbreak()
    {
        Assert.Empty(QualityRules.Problems(AtTank(frc: 0.45), Standard));
        Assert.Equal([AlertKind.QualityFrcLow], [.. QualityRules.Problems(AtTank(frc: 0.45), s_outbreak)]);
    }

    [Fact]
    public void Free_chlorine_of_exactly_0_5_mg_per_litre_meets_the_outbreak_minimum()
    {
        Assert.Empty(QualityRules.Problems(AtTank(frc: 0.5), s_outbreak));
    }

    [Fact]
    public void A_camp_minimum_of_0_3_stays_in_force_in_an_outbreak_so_0_35_is_enough()
    {
        var own = new QualityThresholds(FrcMinMgL: 0.3, Outbreak: true);

        Assert.Equal(0.3, own.EffectiveFrcMinMgL);
        Assert.Empty(QualityRules.Problems(AtTank(frc: 0.35), own));
        Assert.Equal([AlertKind.QualityFrcLow], [.. QualityRules.Problems(AtTank(frc: 0.29), own)]);
    }

    [Fact]
    public void The_outbreak_alert_says_it_is_the_outbreak_minimum()
    {
        var signal = QualityRules.Judge(new QualityMemory(), AtTank(frc: 0.4), s_outbreak).Single();

        Assert.Equal(0.5, signal.Threshold);
        Assert.Equal("Free chlorine 0.4 mg/L is below the minimum of 0.5 mg/L (outbreak minimum)", signal.Message);
    }
}
