using CampWater.Dashboard.Live;
using CampWater.Dashboard.Metrics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampWater.Dashboard.Hosting;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>The API, the live hub and the UI; the host supplies an <see cref="IGrainFactory"/> (silo or client).</summary>
    public static IServiceCollection AddCampWaterDashboard(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<JsonOptions>(o => CampWaterJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddSignalR().AddJsonProtocol(o => CampWaterJson.Configure(o.PayloadSerializerOptions));
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        services.AddHealthChecks();
        services.AddSingleton<IMetricsSource, ProcessMetrics>();
        return services;
    }
}
