namespace CampWater;

/// <summary>
/// The clock CampWater's grains read. It is its own service, apart from the <see cref="TimeProvider"/>
/// that Orleans itself runs on, so tests can move the camps' time without moving the runtime's.
/// </summary>
public sealed class CampClock(TimeProvider provider)
{
    public static CampClock System { get; } = new(TimeProvider.System);

    public TimeProvider Provider { get; } = provider;

    public DateTimeOffset UtcNow => Provider.GetUtcNow();
}
