using CampWater.Dashboard.Api;
using CampWater.Dashboard.Live;
using CampWater.Dashboard.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace CampWater.Dashboard.Hosting;

public static class DashboardEndpointExtensions
{
    public const string ReadyTag = "ready";

    public static WebApplication MapCampWaterDashboard(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        var files = new ManifestEmbeddedFileProvider(typeof(DashboardEndpointExtensions).Assembly, "wwwroot");
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx =>
            {
                // Pages must never be stale after an upgrade; a camp's slow link still revalidates cheaply.
                ctx.Context.Response.Headers.CacheControl = "no-cache";
            },
        });

        app.MapCampEndpoints();
        app.MapAlertEndpoints();
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
        });
        return app;
    }
}
