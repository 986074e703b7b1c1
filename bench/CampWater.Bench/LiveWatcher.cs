using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace CampWater.Bench;

/// <summary>
/// A dashboard's view of the live hub: watches camps and times each <c>tankUpdated</c> from the reading it
/// shows (its <c>lastReadingAt</c>, which the load generator stamps at publishing) to its arrival here.
/// </summary>
public sealed class LiveWatcher : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Lock _lock = new();
    private List<double> _latenciesMs = [];

    private LiveWatcher(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>("tankUpdated", status =>
        {
            var now = DateTimeOffset.UtcNow;
            if (status.TryGetProperty("lastReadingAt", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var ts))
            {
                lock (_lock)
                {
                    _latenciesMs.Add((now - ts).TotalMilliseconds);
                }
            }
        });
    }

    public static async Task<LiveWatcher> StartAsync(Uri silo, IEnumerable<string> campIds, CancellationToken cancellationToken)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(silo, "hubs/live")).Build();
        var watcher = new LiveWatcher(connection);
        await connection.StartAsync(cancellationToken);
        foreach (var camp in campIds)
        {
            await connection.InvokeAsync("Watch", camp, cancellationToken);
        }

        return watcher;
    }

    /// <summary>The latencies counted since the last call, in milliseconds.</summary>
    public IReadOnlyList<double> Take()
    {
        lock (_lock)
        {
            var taken = _latenciesMs;
            _latenciesMs = [];
            return taken;
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
