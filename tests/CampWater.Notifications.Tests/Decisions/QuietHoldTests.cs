using static CampWater.Notifications.Decisions.TestAlerts;
using static CampWater.Notifications.Decisions.TestPlans;

namespace CampWater.Notifications.Decisions;

/// <summary>A rule's quiet hours hold warnings until they end, camp-local; critical alerts go at once.</summary>
public sealed class QuietHoldTests
{
    [Fact]
    public void A_warning_at_23_30_in_Damascus_with_quiet_hours_22_00_06_00_waits_until_06_00_camp_local()
    {
        var at = At("2026-11-29T23:30:00+03:00");

        var release = QuietHold.ReleaseAt("22:00-06:00", AlertSeverity.Warning, at, Damascus);

        Assert.Equal(At("2026-11-30T06:00:00+03:00"), release);
    }

    [Fact]
    public void A_warning_at_02_14_with_quiet_hours_22_00_06_00_waits_until_06_00_the_same_morning()
    {
        var release = QuietHold.ReleaseAt("22:00-06:00", AlertSeverity.Warning, At("2026-11-29T02:14:00+03:00"), Damascus);

        Assert.Equal(At("2026-11-29T06:00:00+03:00"), release);
    }

    [Fact]
    public void A_critical_alert_at_23_30_goes_at_once_despite_quiet_hours_22_00_06_00()
    {
        var at = At("2026-11-29T23:30:00+03:00");

        Assert.Equal(at, QuietHold.ReleaseAt("22:00-06:00", AlertSeverity.Critical, at, Damascus));
    }

    [Fact]
    public void A_warning_at_06_00_the_end_of_quiet_hours_22_00_06_00_goes_at_once()
    {
        var at = At("2026-11-29T06:00:00+03:00");

        Assert.Equal(at, QuietHold.ReleaseAt("22:00-06:00", AlertSeverity.Warning, at, Damascus));
    }

    [Fact]
    public void A_warning_at_13_00_with_quiet_hours_12_00_14_00_that_do_not_cross_midnight_waits_until_14_00()
    {
        var release = QuietHold.ReleaseAt("12:00-14:00", AlertSeverity.Warning, At("2026-11-29T13:00:00+03:00"), Damascus);

        Assert.Equal(At("2026-11-29T14:00:00+03:00"), release);
    }

    [Fact]
    public void A_rule_without_quiet_hours_sends_a_warning_at_02_00_at_once()
    {
        var at = At("2026-11-29T02:00:00+03:00");

        Assert.Equal(at, QuietHold.ReleaseAt(null, AlertSeverity.Warning, at, Damascus));
    }

    [Fact]
    public void Quiet_hours_ending_at_00_30_on_the_night_Beirut_jumps_from_00_00_to_01_00_end_at_the_jump()
    {
        var beirut = TimeZoneInfo.FindSystemTimeZoneById("Asia/Beirut");
        var jump = At("2026-03-28T22:00:00Z"); // 00:00 at UTC+2 becomes 01:00 at UTC+3 on 29 March 2026
        Assert.True(beirut.IsInvalidTime(new DateTime(2026, 3, 29, 0, 30, 0)), "the test needs 00:30 to be skipped that night");

        var release = QuietHold.ReleaseAt("22:00-00:30", AlertSeverity.Warning, At("2026-03-28T23:00:00+02:00"), beirut);

        Assert.Equal(jump, release);
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0), TimeZoneInfo.ConvertTime(release, beirut).DateTime);
    }

    [Fact]
    public void A_raised_warning_in_the_quiet_hours_of_its_rule_is_decided_at_02_14_and_not_before_06_00()
    {
        var decided = NotifyRouting.OnChange(Chain("22:00-06:00"), null, LowLevel(severity: AlertSeverity.Warning), [], At("2026-11-29T02:14:00+03:00"), Damascus);

        Assert.All(decided, n => Assert.Equal(At("2026-11-29T02:14:00+03:00"), n.DecidedAt));
        Assert.All(decided, n => Assert.Equal(At("2026-11-29T06:00:00+03:00"), n.NotBefore));
    }

    [Theory]
    [InlineData("22:00-06:00", true)]
    [InlineData("00:00-04:00", true)]
    [InlineData("25:00-06:00", false)]
    [InlineData("22:00-22:00", false)]
    [InlineData("22:00 06:00", false)]
    [InlineData("7:00-9:00", false)]
    public void Quiet_hours_are_HH_mm_HH_mm_with_different_ends(string text, bool valid)
    {
        Assert.Equal(valid, QuietHold.IsValid(text));
    }
}
