namespace CampWater.Notifications.EndToEnd;

/// <summary>
/// The camps' clock in these tests: the wall clock plus a shift that the test moves forward by hand, so
/// that readings dated by the wall clock stay plausible while escalation steps and the fold's window come
/// at once. Timers still run on the wall clock.
/// </summary>
public sealed class ShiftedTime : TimeProvider
{
    private long _shiftTicks;

    public TimeSpan Shift => TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);
}
