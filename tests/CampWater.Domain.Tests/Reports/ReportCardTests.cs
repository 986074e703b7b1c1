using CampWater.Alerts;
using CampWater.Services;
using Xunit;
using static CampWater.Reports.ReportMonthData;

namespace CampWater.Reports;

/// <summary>The report card of November 2026 (see <see cref="ReportMonthData"/>), figured by hand.</summary>
public sealed class ReportCardTests
{
    private static readonly DateTimeOffset s_afterTheMonth = Local(12, 4, 12);

    private static CampReport November() => ReportCard.Compute(Inputs(s_afterTheMonth));

    [Fact]
    public void A_month_with_a_population_change_from_the_16th_has_a_mean_of_17_lpd_over_28_judged_days_with_14_below_15()
    {
        var r = November();

        // 14 judged days at 20,000 / 1,000 = 20 and 14 at 21,000 / 1,500 = 14: (14 × 20 + 14 × 14) / 28 = 17.
        Assert.False(r.InProgress);
        Assert.Equal(30, r.Days);
        Assert.Equal(28, r.DaysJudged);
        Assert.Equal(17, r.LpdMean);
        Assert.Equal(14, r.DaysBelow15);
        Assert.Equal(14, r.DaysBelowTarget);
        Assert.Equal(1500, r.Population);
    }

    [Fact]
    public void The_day_without_data_counts_0_in_completeness_and_the_half_day_0_5_so_the_mean_is_0_95_and_uptime_95_pct()
    {
        var r = November();

        var tenth = r.Daily.Single(d => d.Date == new DateOnly(2026, 11, 10));
        Assert.Null(tenth.Lpd);
        Assert.Null(tenth.Met);
        Assert.Null(r.Daily.Single(d => d.Date == new DateOnly(2026, 11, 20)).Met);

        // (28 × 1 + 0 + 0.5) / 30 = 0.95; covered 28.5 days of 30.
        Assert.Equal(0.95, r.CompletenessMean);
        Assert.Equal(95.0, r.SensorUptimePct);
    }

    [Fact]
    public void An_alert_acknowledged_after_12_minutes_and_resolved_after_95_gives_mtta_12_and_mttr_95()
    {
        var raised = Local(11, 3, 10);
        var alerts = ReportCard.Alerts([Alert("a1", AlertKind.LowLevel, raised, 12, 95)]);

        Assert.Equal(1, alerts.Raised);
        Assert.Equal(12, alerts.MttaMinutes);
        Assert.Equal(95, alerts.MttrMinutes);
        Assert.Equal(12, alerts.MttaP90Minutes);
        Assert.Equal(95, alerts.MttrP90Minutes);
    }

    [Fact]
    public void Four_alerts_of_the_month_give_mtta_median_12_p90_30_and_mttr_median_95_p90_200_leaving_out_the_one_raised_in_October()
    {
        var a = November().Alerts;

        Assert.Equal(4, a.Raised);
        Assert.Equal(2, a.ByKind["sensor-offline"]);
        Assert.Equal(1, a.ByKind["low-level"]);
        Assert.Equal(1, a.ByKind["coverage-low"]);
        Assert.Equal(3, a.Acknowledged);
        Assert.Equal(12, a.MttaMinutes);     // 5, 12, 30
        Assert.Equal(30, a.MttaP90Minutes);  // nearest rank ⌈0.9 × 3⌉ = 3rd
        Assert.Equal(95, a.MttrMinutes);     // 40, 95, 200
        Assert.Equal(200, a.MttrP90Minutes);
    }

    [Fact]
    public void Taps_cut_to_3_for_an_afternoon_make_the_worst_day_333_people_per_tap_and_6_taps_at_month_end_250()
    {
        var r = November();

        Assert.Equal(250, r.PeoplePerUsableTap);          // 1,500 / 6
        Assert.Equal(333.3, r.PeoplePerUsableTapWorst);  // 1,000 / 3 on the 12th
        Assert.Equal(50, r.PeoplePerUsableLatrine);      // 1,500 / 30
    }

    [Fact]
    public void Quality_compliance_is_per_figure_frc_2_of_3_turbidity_1_of_2_ecoli_1_of_1_without_the_October_test()
    {
        var r = November();

        Assert.Equal(4, r.QualityTests);
        Assert.Equal(66.7, r.FrcCompliancePct);
        Assert.Equal(50.0, r.TurbidityCompliancePct);
        Assert.Equal(100.0, r.EcoliCompliancePct);
    }

    [Fact]
    public void Vouchers_dated_in_the_camps_November_bill_23000_L_of_which_16000_verified_69_6_pct()
    {
        var d = November().Deliveries;

        // 22:00 UTC on 31 October is 1 November in the camp; 21:30 UTC on 30 November is 1 December.
        Assert.Equal(3, d.Vouchers);
        Assert.Equal(23_000, d.BilledL);
        Assert.Equal(16_000, d.VerifiedL);   // 10,000 (capped from 10,200) + 6,000
        Assert.Equal(69.6, d.VerifiedPct);
    }

    [Fact]
    public void A_month_in_progress_on_the_10th_at_noon_is_marked_and_covers_10_days_with_the_9_complete_ones_judged()
    {
        var r = ReportCard.Compute(Inputs(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero)));

        Assert.True(r.InProgress);
        Assert.Equal(new DateOnly(2026, 11, 10), r.LastDate);
        Assert.Equal(10, r.Days);
        Assert.Equal(9, r.DaysJudged);
        Assert.Equal(20, r.LpdMean);
        Assert.Equal(1000, r.Population);
    }

    [Fact]
    public void A_camp_with_no_taps_registered_has_null_people_per_tap_saying_so_never_0()
    {
        var r = ReportCard.Compute(Inputs(s_afterTheMonth, access: [new AccessSnapshot(Local(10, 1, 0), null, null, null)]));

        Assert.Null(r.PeoplePerUsableTap);
        Assert.Null(r.PeoplePerUsableTapWorst);
        Assert.Null(r.PeoplePerUsableLatrine);
        Assert.Equal("no taps registered", r.Unavailable["peoplePerUsableTap"]);
        Assert.Equal("latrines not counted", r.Unavailable["peoplePerUsableLatrine"]);
    }

    [Fact]
    public void A_month_without_any_judged_day_has_a_null_mean_and_no_verdict_days_not_0()
    {
        var inputs = Inputs(s_afterTheMonth) with { TankDays = new Dictionary<string, Status.TankDayRecord[]>() };
        var r = ReportCard.Compute(inputs);

        Assert.Equal(0, r.DaysJudged);
        Assert.Null(r.LpdMean);
        Assert.Equal(0, r.CompletenessMean);
        Assert.Equal(0, r.SensorUptimePct);
        Assert.Contains("lpdMean", r.Unavailable.Keys);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-1")]
    [InlineData("26-11")]
    [InlineData("2026-11-01")]
    public void A_month_not_written_YYYY_MM_is_refused(string text) => Assert.False(ReportMonth.TryParse(text, out _));

    [Fact]
    public void A_month_that_has_not_begun_in_the_camps_zone_has_no_report()
    {
        var zone = Water.CampCalendar.Zone("Asia/Damascus");
        Assert.Null(ReportMonth.Of(new DateOnly(2026, 12, 1), zone, new DateTimeOffset(2026, 11, 30, 20, 59, 0, TimeSpan.Zero)));
        Assert.NotNull(ReportMonth.Of(new DateOnly(2026, 12, 1), zone, new DateTimeOffset(2026, 11, 30, 21, 0, 0, TimeSpan.Zero)));
    }
}
