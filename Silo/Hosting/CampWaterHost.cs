using CampWater.Alerts;
using CampWater.Dashboard.Auth;
using CampWater.Dashboard.Hosting;
using CampWater.Dashboard.Metrics;
using CampWater.Silo.Archive;
using CampWater.Notifications;
using CampWater.Silo.Ingestion;
using CampWater.Silo.Notifications;
using CampWater.Silo.Ingestion.LoRaWan;
using CampWater.Silo.Outbox;
using CampWater.Silo.Registry;
using CampWater.Silo.Simulation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CampWater.Silo.Hosting;

/// <summary>
/// The one composition of a CampWater silo. The embedded default and the production topology differ
/// only in configuration: storage provider, broker, archive.
/// </summary>
public static class CampWaterHost
{
    public const string DefaultUrls = "http://localhost:8080";

    /// <summary>Builds the host; throws <see cref="StartupException"/> with a message for a person when the configuration is unusable.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["Urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrls);
        }

        var options = builder.Configuration.GetSection(CampWaterOptions.Section).Get<CampWaterOptions>() ?? new CampWaterOptions();
        options.WithDefaults();
        var problems = OptionsValidation.Problems(options);
        if (problems.Count > 0)
        {
            throw new StartupException("The configuration is invalid:" + Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", problems));
        }

        RegistryFile registry;
        try
        {
            registry = RegistryFile.Load(options.Registry, builder.Environment.IsDevelopment());
        }
        catch (RegistryFileException e)
        {
            throw new StartupException(e.Message);
        }

        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(options.Deliveries);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(CampClock.System);

        builder.Services.AddCampWaterArchive(options.Archive);
        builder.UseOrleans(silo => ClusterComposition.Configure(silo, options));

        var readiness = new Readiness();
        builder.Services.AddSingleton(readiness);
        builder.Services.AddSingleton<IMetricsSource>(readiness);
        builder.Services.AddHealthChecks().AddCheck("ingestion", readiness, tags: [DashboardEndpointExtensions.ReadyTag]);
        if (options.Storage.IsShared)
        {
            readiness.StorageReachable = false;
            builder.Services.AddHostedService<StorageWatch>();
        }

        builder.Services.AddSingleton<IngestionMetrics>();
        builder.Services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<IngestionMetrics>());
        builder.Services.AddSingleton<RejectionLog>();
        if (options.Mqtt.IsEmbedded)
        {
            builder.Services.AddHostedService<EmbeddedBroker>();
        }

        builder.Services.AddSingleton<MqttOutbox>();
        builder.Services.AddSingleton<IOutbox>(sp => sp.GetRequiredService<MqttOutbox>());
        builder.Services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<MqttOutbox>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MqttOutbox>());
        builder.Services.AddHostedService<RegistrySeeder>();
        if (options.Notify.Rules.Count > 0)
        {
            // Nothing configured: no pool, and the grains notify nobody.
            builder.Services.AddSingleton(options.Notify);
            builder.Services.AddSingleton<NotificationDispatcher>();
            builder.Services.AddSingleton<INotificationDispatch>(sp => sp.GetRequiredService<NotificationDispatcher>());
            builder.Services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<NotificationDispatcher>());
            builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationDispatcher>());
        }

        builder.Services.AddSingleton<ReadingPipeline>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReadingPipeline>());
        builder.Services.AddSingleton<TankDirectory>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TankDirectory>());
        builder.Services.AddSingleton<LoRaWanDispatcher>();
        builder.Services.AddSingleton<QualityMetrics>();
        builder.Services.AddSingleton<IMetricsSource>(sp => sp.GetRequiredService<QualityMetrics>());
        builder.Services.AddSingleton<QualityIngestion>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QualityIngestion>());
        builder.Services.AddSingleton<InflowIngestion>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InflowIngestion>());
        builder.Services.AddSingleton<AckSequencer>();
        builder.Services.AddHostedService<MqttIngestion>();
        if (options.Simulation.Enabled ?? builder.Environment.IsDevelopment())
        {
            builder.Services.AddHostedService<SensorSimulator>();
        }

        try
        {
            builder.Services.AddCampWaterDashboard(builder.Configuration, builder.Environment);
        }
        catch (AuthConfigurationException e)
        {
            throw new StartupException(e.Message);
        }

        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapCampWaterDashboard();
        return app;
    }
}
