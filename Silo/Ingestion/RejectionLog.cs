namespace CampWater.Silo.Ingestion;

/// <summary>
/// Logs a rejected reading at most once a minute per tank (or per topic when no tank can be named), so a
/// misconfigured sensor sending every second cannot flood the log. Every rejection is still counted.
/// </summary>
public sealed partial class RejectionLog(TimeProvider clock, ILogger<RejectionLog> logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private const int MaxRemembered = 10_000;
    private readonly Dictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <returns>Whether the line was written.</returns>
    public bool Write(string source, string reason, string? detail)
    {
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_lastLogged.TryGetValue(source, out var last) && now - last < Interval)
            {
                return false;
            }

            if (_lastLogged.Count >= MaxRemembered)
            {
                _lastLogged.Clear();
            }

            _lastLogged[source] = now;
        }

        LogRejected(source, reason, detail ?? string.Empty);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading rejected from {Source}: {Reason} {Detail} (further rejections from it are counted, not logged, for a minute)")]
    private partial void LogRejected(string source, string reason, string detail);
}
