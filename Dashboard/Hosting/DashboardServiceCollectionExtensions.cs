using System.IO.Compression;
using CampWater.Dashboard.Auth;
using CampWater.Dashboard.Live;
using CampWater.Dashboard.Metrics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CampWater.Dashboard.Hosting;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// The API, the live hub, the UI and sign-in (<c>CampWater:Auth</c>); the host supplies an
    /// <see cref="IGrainFactory"/> (silo or client). Throws <see cref="AuthConfigurationException"/>
    /// when the sign-in configuration is unusable.
    /// </summary>
    public static IServiceCollection AddCampWaterDashboard(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<JsonOptions>(o => CampWaterJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Api.ReasonLanguage.Word);
        services.AddSignalR().AddJsonProtocol(o => CampWaterJson.Configure(o.PayloadSerializerOptions));
        services.AddSingleton<LiveFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveFeed>());
        services.AddHealthChecks();
        services.AddSingleton<IMetricsSource, ProcessMetrics>();
        services.AddSingleton<VoucherMetrics>();
        services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<VoucherMetrics>());
        services.AddCampWaterAuth(AuthSettings.From(configuration, environment));

        // A camp's link is slow and often metered: scripts, styles and JSON go compressed (Brotli, else gzip).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true; // nothing compressed here mixes a secret with text an attacker chooses
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json", "application/manifest+json", "application/problem+json", "text/csv", "text/plain"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }
}
