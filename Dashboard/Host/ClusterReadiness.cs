using CampWater.Grains;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CampWater.Dashboard.Host;

/// <summary>Ready while the cluster answers a cheap call within two seconds.</summary>
internal sealed class ClusterReadiness(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IRegistryGrain>(0).GetCampIds().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy("The cluster answers.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster does not answer: " + e.Message);
        }
    }
}
