using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CampWater.Silo.Hosting;

/// <summary>
/// Pings Redis every two seconds so that <c>/health/ready</c> says when the storage is gone. Orleans'
/// own providers keep retrying on their own; this only reports.
/// </summary>
internal sealed partial class StorageWatch(IOptions<CampWaterOptions> options, Readiness readiness, ILogger<StorageWatch> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var configuration = ClusterComposition.RedisConfiguration(options.Value.Redis);
        configuration.ConnectTimeout = 2000;
        configuration.SyncTimeout = 2000;
        using var redis = await ConnectionMultiplexer.ConnectAsync(configuration);
        var wasReachable = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            bool reachable;
            try
            {
                await redis.GetDatabase().PingAsync();
                reachable = true;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                reachable = false;
            }

            readiness.StorageReachable = reachable;
            if (reachable != wasReachable)
            {
                LogReachable(options.Value.Redis.ConnectionString, reachable);
                wasReachable = reachable;
            }

            try
            {
                await Task.Delay(Period, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis at {Redis} reachable: {Reachable}")]
    private partial void LogReachable(string redis, bool reachable);
}
