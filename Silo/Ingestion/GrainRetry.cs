namespace CampWater.Silo.Ingestion;

/// <summary>
/// How ingestion retries a grain call that failed (a silo leaving, a grain moving, storage away for a moment):
/// <see cref="MaxAttempts"/> tries with a pause that doubles from 0.4 s to at most 10 s, about a minute in all.
/// A message still not taken then stays unacknowledged with the broker, which delivers it again after a reconnect.
/// </summary>
internal static class GrainRetry
{
    public const int MaxAttempts = 10;

    /// <summary>The pause after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan Pause(int attempt) => TimeSpan.FromMilliseconds(Math.Min(10_000, 200 * Math.Pow(2, attempt)));
}
