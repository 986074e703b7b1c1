using Orleans;

namespace CampWater.Dashboard.Host;

/// <summary>
/// The Dashboard may start before any silo, and silos restart: keep trying to reach a gateway instead of
/// failing the process. Once connected, the client finds restarted silos through the membership table.
/// </summary>
internal sealed partial class ReconnectForever(ILogger<ReconnectForever> logger) : IClientConnectionRetryFilter
{
    private int _attempt;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        _attempt++;
        LogRetry(_attempt, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(Math.Min(10, _attempt)), cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No silo reachable yet (attempt {Attempt}): {Error}; retrying")]
    private partial void LogRetry(int attempt, string error);
}
