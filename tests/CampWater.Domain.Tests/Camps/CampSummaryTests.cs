using CampWater.Registry;
using CampWater.Status;
using CampWater.Water;
using Xunit;

namespace CampWater.Camps;

/// <summary>A camp of 1,000 people in UTC with one tank and a target of 20 l/p/d, summarised at noon on 30 Nov 2026.</summary>
public sealed class CampSummaryTests
{
    private static readonly DateTimeOffset s_noon = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly s_yesterday = new(2026, 11, 29);

    private static CampSummary Summary(TankDayRecord yesterday)
    {
        var camp = new CampConfig("c", "Camp", "UTC", 1000, 20, CampConfig.DefaultQuietHours, [Water.Tanks.Tank(TankShapeKind.VerticalCylinder, 2000, 3000)]);
        var days = new Dictionary<string, IReadOnlyList<TankDayRecord>> { ["t1"] = [yesterday] };
        return CampModel.Summary(camp, new Dictionary<string, TankStatus>(), days, TimeZoneInfo.Utc, s_noon, AlertCounts.None);
    }

    [Fact]
    public void Yesterday_of_25_lpd_with_readings_over_half_the_day_shows_its_lpd_with_no_verdict()
    {
        var summary = Summary(new TankDayRecord(s_yesterday, 25_000, 0, 43_200));

        Assert.Equal(25, summary.Yesterday.Lpd);
        Assert.Null(summary.Yesterday.Met);
    }

    [Fact]
    public void Yesterday_of_15_lpd_with_readings_over_the_whole_day_is_not_met()
    {
        var summary = Summary(new TankDayRecord(s_yesterday, 15_000, 0, 86_400));

        Assert.Equal(15, summary.Yesterday.Lpd);
        Assert.False(summary.Yesterday.Met);
    }
}
