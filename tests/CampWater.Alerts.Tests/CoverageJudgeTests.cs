using CampWater.Status;
using Xunit;

namespace CampWater.Alerts;

/// <summary>
/// Which days get a coverage-low verdict, and when: a camp of 4,500 people with targetLpd 20, yesterday is
/// 2026-11-29 (it ended at 21:00 UTC in Damascus), and readings for it come late, on 2026-11-30.
/// </summary>
public sealed class CoverageJudgeTests
{
    private static readonly DateOnly s_yesterday = new(2026, 11, 29);
    private static readonly DateTimeOffset s_dayEnd = TankFeed.At("2026-11-29T21:00:00Z");
    private static readonly DateTimeOffset s_late = TankFeed.At("2026-11-30T14:00:00Z");

    [Fact]
    public void A_day_judged_empty_then_filled_to_18_85_litres_a_person_raises_coverage_low_judged_late_at_the_time_it_is_filled()
    {
        var judge = new CoverageJudge();
        Assert.Null(judge.Judge(Day(s_yesterday, lpd: 0, completeness: 0), s_dayEnd, s_dayEnd.AddHours(13)));
        Assert.True(judge.IsWaiting(s_yesterday));

        var signal = Assert.Single(judge.JudgeLate([Day(s_yesterday, lpd: 18.85, completeness: 1)], s_yesterday, alertOpen: false, s_late));

        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal(18.85, signal.Value);
        Assert.Equal(s_late, signal.At);
        Assert.Equal("Only 18.9 L per person on 2026-11-29, below the target of 20 L (judged late: its readings came after the day was first judged)", signal.Message);
        Assert.False(judge.IsWaiting(s_yesterday));
        Assert.Empty(judge.JudgeLate([Day(s_yesterday, lpd: 10, completeness: 1)], s_yesterday, alertOpen: true, s_late.AddHours(1)));
    }

    [Fact]
    public void A_late_day_filled_to_95_percent_waits_until_its_figures_have_held_for_1_hour()
    {
        var judge = YesterdayWaiting();

        Assert.Empty(Late(judge, lpd: 12, completeness: 0.95, s_late));
        Assert.Empty(Late(judge, lpd: 12.5, completeness: 0.95, s_late.AddMinutes(30)));
        Assert.Empty(Late(judge, lpd: 12.5, completeness: 0.95, s_late.AddMinutes(89)));

        var signal = Assert.Single(Late(judge, lpd: 12.5, completeness: 0.95, s_late.AddMinutes(90)));
        Assert.Equal(AlertSeverity.Critical, signal.Severity);
        Assert.Equal(12.5, signal.Value);
    }

    [Fact]
    public void A_late_day_that_stays_at_89_percent_of_readings_is_never_judged()
    {
        var judge = YesterdayWaiting();

        Assert.Empty(Late(judge, lpd: 12, completeness: 0.89, s_late));
        Assert.Empty(Late(judge, lpd: 12, completeness: 0.89, s_late.AddDays(2)));
        Assert.True(judge.IsWaiting(s_yesterday));
    }

    [Fact]
    public void A_late_day_that_met_the_target_does_not_clear_the_alert_of_a_newer_day_judged_short()
    {
        var judge = new CoverageJudge();
        var older = s_yesterday.AddDays(-1);
        Assert.Null(judge.Judge(Day(older, lpd: 0, completeness: 0), s_dayEnd.AddDays(-1), s_dayEnd));
        var newer = judge.Judge(Day(s_yesterday, lpd: 14, completeness: 1), s_dayEnd, s_dayEnd.AddHours(1));
        Assert.True(newer!.Holds);

        Assert.Empty(judge.JudgeLate([Day(older, lpd: 25, completeness: 1)], s_yesterday, alertOpen: true, s_late));
        Assert.False(judge.IsWaiting(older));
    }

    [Fact]
    public void A_late_short_day_older_than_the_newest_verdict_raises_only_when_no_alert_is_open()
    {
        var judge = new CoverageJudge();
        var older = s_yesterday.AddDays(-2);
        var old2 = s_yesterday.AddDays(-1);
        judge.Judge(Day(older, lpd: 0, completeness: 0), s_dayEnd.AddDays(-2), s_dayEnd);
        judge.Judge(Day(old2, lpd: 0, completeness: 0), s_dayEnd.AddDays(-1), s_dayEnd);
        judge.Judge(Day(s_yesterday, lpd: 21, completeness: 1), s_dayEnd, s_dayEnd.AddHours(1));

        Assert.Empty(judge.JudgeLate([Day(older, lpd: 16, completeness: 1)], s_yesterday, alertOpen: true, s_late));
        var raised = Assert.Single(judge.JudgeLate([Day(old2, lpd: 16, completeness: 1)], s_yesterday, alertOpen: false, s_late));
        Assert.Equal(16, raised.Value);
    }

    [Fact]
    public void Late_days_filled_together_are_judged_oldest_first_and_the_newest_clears_what_the_older_raised()
    {
        var judge = new CoverageJudge();
        var first = s_yesterday.AddDays(-1);
        judge.Judge(Day(first, lpd: 0, completeness: 0), s_dayEnd.AddDays(-1), s_dayEnd);
        judge.Judge(Day(s_yesterday, lpd: 0, completeness: 0), s_dayEnd, s_dayEnd.AddHours(13));

        var signals = judge.JudgeLate([Day(first, lpd: 17, completeness: 1), Day(s_yesterday, lpd: 22, completeness: 1)], s_yesterday, false, s_late);

        Assert.Equal([true, false], signals.Select(s => s.Holds));
        Assert.Equal([17.0, 22.0], signals.Select(s => s.Value!.Value));
    }

    [Fact]
    public void A_day_waiting_for_more_than_7_days_is_given_up()
    {
        var judge = new CoverageJudge();
        judge.Judge(Day(s_yesterday, lpd: 0, completeness: 0), s_dayEnd, s_dayEnd.AddHours(13));

        var weekLater = s_yesterday.AddDays(7);
        Assert.Empty(judge.JudgeLate([Day(s_yesterday, lpd: 10, completeness: 1)], weekLater, false, s_late.AddDays(7)));
        Assert.False(judge.IsWaiting(s_yesterday));
    }

    [Fact]
    public void The_days_to_judge_after_judging_through_the_27th_are_the_28th_and_29th_and_after_a_month_away_only_the_last_7()
    {
        Assert.Equal((new DateOnly(2026, 11, 28), s_yesterday), CoverageJudge.Unjudged(new DateOnly(2026, 11, 27), s_yesterday));
        Assert.Equal((new DateOnly(2026, 11, 23), s_yesterday), CoverageJudge.Unjudged(new DateOnly(2026, 10, 29), s_yesterday));
        Assert.Equal((new DateOnly(2026, 11, 23), s_yesterday), CoverageJudge.Unjudged(null, s_yesterday));
        Assert.Null(CoverageJudge.Unjudged(s_yesterday, s_yesterday));
    }

    [Fact]
    public void A_day_is_final_once_every_tank_has_read_after_its_end_or_12_hours_after_it_whatever_the_tanks_said()
    {
        Assert.False(CoverageJudge.IsFinal(s_dayEnd, s_dayEnd.AddMinutes(5), [s_dayEnd.AddMinutes(1), s_dayEnd.AddMinutes(-1)]));
        Assert.True(CoverageJudge.IsFinal(s_dayEnd, s_dayEnd.AddMinutes(5), [s_dayEnd.AddMinutes(1), s_dayEnd]));
        Assert.False(CoverageJudge.IsFinal(s_dayEnd, s_dayEnd.AddHours(11.9), [null]));
        Assert.True(CoverageJudge.IsFinal(s_dayEnd, s_dayEnd.AddHours(12), [null]));
    }

    /// <summary>A judge that found yesterday 10 % covered by readings, 13 hours after it ended.</summary>
    private static CoverageJudge YesterdayWaiting()
    {
        var judge = new CoverageJudge();
        Assert.Null(judge.Judge(Day(s_yesterday, lpd: 2, completeness: 0.1), s_dayEnd, s_dayEnd.AddHours(13)));
        return judge;
    }

    /// <summary>Yesterday's figures as late readings have made them, judged at <paramref name="at"/> with no alert open.</summary>
    private static IReadOnlyList<AlertSignal> Late(CoverageJudge judge, double lpd, double completeness, DateTimeOffset at) =>
        judge.JudgeLate([Day(s_yesterday, lpd, completeness)], s_yesterday, alertOpen: false, at);

    private static DailyCoverage Day(DateOnly date, double lpd, double completeness) =>
        new(date, 4500, lpd * 4500, 0, lpd, 20, lpd >= 20, completeness);
}
