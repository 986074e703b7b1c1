using CampWater.Dashboard.Api;
using CampWater.Dashboard.Auth;
using CampWater.Dashboard.Live;
using CampWater.Dashboard.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Orleans.Dashboard;

namespace CampWater.Dashboard.Hosting;

public static class DashboardEndpointExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>Where the Orleans operations view is mounted (admins only).</summary>
    public const string OrleansDashboardPath = "/orleans";

    public static WebApplication MapCampWaterDashboard(this WebApplication app)
    {
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        var files = new ManifestEmbeddedFileProvider(typeof(DashboardEndpointExtensions).Assembly, "wwwroot");
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".js"] = "text/javascript";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = ctx =>
            {
                // Pages must never be stale after an upgrade; a camp's slow link still revalidates cheaply.
                ctx.Context.Response.Headers.CacheControl = "no-cache";
                if (ctx.File.Name.EndsWith(".html", StringComparison.Ordinal))
                {
                    ctx.Context.Response.Headers.ContentSecurityPolicy = DashboardSecurityHeaders.ContentSecurityPolicy;
                }
            },
        });

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgeryForCookieWrites();

        app.MapAuthEndpoints();
        app.MapCampEndpoints();
        app.MapPopulationEndpoints();
        app.MapServiceEndpoints();
        app.MapTruckingEndpoints();
        app.MapAlertEndpoints();
        app.MapPersonEndpoints();
        app.MapHub<LiveHub>(LiveHub.Path);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapGet("/metrics", (IEnumerable<IMetricsSource> sources) =>
        {
            var writer = new PrometheusWriter();
            foreach (var source in sources)
            {
                source.WriteTo(writer);
            }

            return Results.Text(writer.ToString(), "text/plain; version=0.0.4; charset=utf-8");
        }).RequireAuthorization(Roles.ReadPolicy);

        // The Orleans operations view. The host adds its services: AddDashboard() on the silo, or on the
        // Orleans client when the dashboard runs as its own process.
        app.MapOrleansDashboard(OrleansDashboardPath).RequireAuthorization(Roles.AdminPolicy);

        return app;
    }
}
