namespace CampWater.Notifications;

/// <summary>
/// Pauses between attempts: 1, 2, 4, 8 … seconds, at most 5 minutes apart, for at least 24 hours after
/// the first attempt; then the notification has failed. A receiver that is down for the night is
/// reached within 5 minutes of coming back, and a dead one is not tried forever.
/// </summary>
public static class RetrySchedule
{
    public static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan LongestPause = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan GiveUpAfter = TimeSpan.FromHours(24);

    /// <summary>The pause after the <paramref name="failures"/>-th failed attempt (1 for the first).</summary>
    public static TimeSpan PauseAfter(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(failures);

        // 2^9 s is past the cap already; no need to compute (and overflow) the higher powers.
        var seconds = failures > 9 ? double.MaxValue : Math.Pow(2, failures - 1) * FirstPause.TotalSeconds;
        return seconds >= LongestPause.TotalSeconds ? LongestPause : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// When to try again after a failure at <paramref name="now"/>, or null when the notification has been
    /// tried for <see cref="GiveUpAfter"/> and has failed.
    /// </summary>
    public static DateTimeOffset? NextAttempt(DateTimeOffset firstAttemptAt, int failures, DateTimeOffset now) =>
        now - firstAttemptAt >= GiveUpAfter ? null : now + PauseAfter(failures);
}
