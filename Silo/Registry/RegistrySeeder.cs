using CampWater.Grains;
using CampWater.Silo.Hosting;

namespace CampWater.Silo.Registry;

/// <summary>Applies the registry file to the camp grains once the silo is up, then reports ready.</summary>
internal sealed partial class RegistrySeeder(
    RegistryFile registry,
    IGrainFactory grains,
    Readiness readiness,
    ILogger<RegistrySeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Storage may be briefly unreachable when the cluster starts: keep trying rather than give up.
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                foreach (var camp in registry.Camps)
                {
                    await grains.GetGrain<ICampGrain>(camp.Id).Seed(camp);
                }

                readiness.RegistryLoaded = true;
                LogSeeded(registry.Camps.Count, registry.Camps.Sum(c => c.Tanks.Length), registry.Path ?? "(none)");
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogRetry(e, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registry applied: {Camps} camps, {Tanks} tanks from {Path}")]
    private partial void LogSeeded(int camps, int tanks, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying the registry failed (attempt {Attempt}); retrying")]
    private partial void LogRetry(Exception e, int attempt);
}
