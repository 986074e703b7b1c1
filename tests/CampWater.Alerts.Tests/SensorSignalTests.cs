using Xunit;

namespace CampWater.Alerts;

public sealed class SensorSignalTests
{
    private static readonly DateTimeOffset s_now = TankFeed.At("2026-11-29T10:34:30Z");

    [Fact]
    public void Offline_after_34_min_30_s_with_offlineAfterMin_30_says_No_reading_for_34_min_limit_30_min()
    {
        var signal = TankAlertRules.Offline(s_now, TankFeed.At("2026-11-29T10:00:00Z"), 30);

        Assert.Equal(AlertKind.SensorOffline, signal.Kind);
        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal(34, signal.Value);
        Assert.Equal(30, signal.Threshold);
        Assert.Equal("No reading for 34 min (limit 30 min)", signal.Message);
        Assert.Equal(s_now, signal.At);
    }

    [Theory]
    [InlineData("2026-11-28T10:29:30Z", 45, "No reading for 24 h (limit 45 min)")]
    [InlineData("2026-11-29T09:04:30Z", 30, "No reading for 1.5 h (limit 30 min)")]
    [InlineData("2026-11-29T08:19:30Z", 120, "No reading for 2.3 h (limit 2 h)")]
    [InlineData("2026-11-25T10:34:30Z", 45, "No reading for 4 d (limit 45 min)")]
    public void Offline_for_a_long_silence_says_it_in_hours_or_days(string lastReading, int offlineAfterMin, string message)
    {
        Assert.Equal(message, TankAlertRules.Offline(s_now, TankFeed.At(lastReading), offlineAfterMin).Message);
    }

    [Fact]
    public void A_tank_whose_last_reading_is_34_min_old_is_silent_with_offlineAfterMin_30_unless_it_was_heard_from_under_20_s_ago()
    {
        var last = TankFeed.At("2026-11-29T10:00:00Z");

        Assert.True(TankAlertRules.IsSilent(s_now, last, heardAt: null, 30));
        Assert.True(TankAlertRules.IsSilent(s_now, last, heardAt: s_now.AddSeconds(-20), 30));
        Assert.False(TankAlertRules.IsSilent(s_now, last, heardAt: s_now.AddSeconds(-19), 30)); // old readings still arriving: not silent
        Assert.False(TankAlertRules.IsSilent(s_now, s_now.AddMinutes(-29), heardAt: null, 30));
    }

    [Fact]
    public void Online_clears_the_offline_condition()
    {
        var signal = TankAlertRules.Online(s_now);

        Assert.Equal(AlertKind.SensorOffline, signal.Kind);
        Assert.False(signal.Holds);
    }

    [Fact]
    public void Fault_raised_is_a_warning_that_names_the_reason()
    {
        var signal = TankAlertRules.FaultRaised(s_now, "distance 150 mm is inside the 280 mm blind zone");

        Assert.Equal(AlertKind.SensorFault, signal.Kind);
        Assert.True(signal.Holds);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal("Impossible reading: distance 150 mm is inside the 280 mm blind zone", signal.Message);
    }

    [Fact]
    public void Fault_cleared_after_3_plausible_readings_clears_the_fault_condition()
    {
        var signal = TankAlertRules.FaultCleared(s_now);

        Assert.Equal(AlertKind.SensorFault, signal.Kind);
        Assert.False(signal.Holds);
        Assert.Equal("3 plausible readings in a row", signal.Message);
    }
}
