using static CampWater.Notifications.Decisions.TestAlerts;

namespace CampWater.Notifications.Decisions;

public sealed class RetryScheduleTests
{
    [Fact]
    public void Pauses_after_failures_1_to_11_are_1_2_4_8_16_32_64_128_256_then_300_300_seconds()
    {
        var pauses = Enumerable.Range(1, 11).Select(n => RetrySchedule.PauseAfter(n).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300], pauses);
    }

    [Fact]
    public void The_pause_after_10000_failures_is_still_300_seconds()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), RetrySchedule.PauseAfter(10_000));
    }

    [Fact]
    public void A_failure_at_23_h_59_min_59_s_after_the_first_attempt_is_retried_and_one_at_24_h_has_failed()
    {
        var first = At("2026-11-29T02:14:00Z");

        Assert.Equal(first.AddDays(1).AddSeconds(-1 + 300), RetrySchedule.NextAttempt(first, 300, first.AddDays(1).AddSeconds(-1)));
        Assert.Null(RetrySchedule.NextAttempt(first, 301, first.AddDays(1)));
    }

    [Fact]
    public void Tried_on_the_schedule_a_dead_receiver_gets_297_attempts_in_24_hours()
    {
        var first = At("2026-11-29T02:14:00Z");
        var at = first;
        var attempts = 1;
        while (RetrySchedule.NextAttempt(first, attempts, at) is { } next)
        {
            at = next;
            attempts++;
        }

        // 9 pauses of 1..256 s (511 s), then every 300 s for the rest of the day.
        Assert.Equal(1 + 9 + (int)Math.Ceiling((86_400 - 511) / 300.0), attempts);
        Assert.InRange(at - first, TimeSpan.FromHours(24), TimeSpan.FromHours(24).Add(TimeSpan.FromMinutes(5)));
    }
}
