using CampWater.Archive;
using CampWater.Dashboard.Metrics;
using CampWater.Silo.Hosting;
using Microsoft.Extensions.Options;

namespace CampWater.Silo.Archive;

/// <summary>The archive of <c>CampWater:Archive:Provider</c>: nothing for <c>none</c>, the InfluxDB writer for <c>influxdb</c>.</summary>
public static class ArchiveServiceCollectionExtensions
{
    /// <summary>
    /// Register before Orleans: hosted services stop in reverse order, so the writer stops after the silo
    /// and its final flush sees what the grains sent last.
    /// </summary>
    public static IServiceCollection AddCampWaterArchive(this IServiceCollection services, ArchiveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider != "influxdb")
        {
            services.AddSingleton<IArchive>(NoArchive.Instance);
            return services;
        }

        services.AddSingleton(_ => new ArchiveBuffer(
            options.BufferSize,
            options.BatchSize,
            options.SpillDirectory is { } folder ? Path.GetFullPath(folder) : null,
            options.SpillMaxMegabytes * 1024L * 1024L));
        services.AddSingleton<ArchiveMetrics>();
        services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<ArchiveMetrics>());
        services.AddSingleton<IArchive>(sp => new InfluxArchive(
            sp.GetRequiredService<ArchiveBuffer>(),
            sp.GetRequiredService<ArchiveMetrics>(),
            TimeSpan.FromSeconds(options.CoverageIntervalSeconds),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<InfluxArchive>>()));
        services.AddSingleton<InfluxPointWriter>();
        services.AddSingleton<IPointWriter>(sp => sp.GetRequiredService<InfluxPointWriter>());
        services.AddHostedService<ArchiveWriter>();
        return services;
    }
}
