using CampWater.Dashboard.Hosting;
using CampWater.Dashboard.Host;
using Orleans.Configuration;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["Urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:8080");
}

var cluster = DashboardHostOptions.From(builder.Configuration);
builder.UseOrleansClient(client =>
{
    switch (cluster.Provider)
    {
        case "memory":
            client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            break;
        case "redis":
            var redis = ConfigurationOptions.Parse(cluster.RedisConnectionString);
            redis.AbortOnConnectFail = false;
            client.UseRedisClustering(o => o.ConfigurationOptions = redis);
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            break;
        default:
            Console.Error.WriteLine($"CampWater Dashboard cannot start. CampWater:Storage:Provider is '{cluster.Provider}': use 'redis' or 'memory'.");
            Environment.Exit(1);
            break;
    }

    client.UseConnectionRetryFilter<ReconnectForever>();
    client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
});

builder.Services.AddHealthChecks().AddCheck<ClusterReadiness>("cluster", tags: [DashboardEndpointExtensions.ReadyTag]);
builder.Services.AddCampWaterDashboard();

var app = builder.Build();
app.MapCampWaterDashboard();
await app.RunAsync();
