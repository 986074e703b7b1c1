using CampWater.Dashboard.Auth;
using CampWater.Dashboard.Hosting;
using CampWater.Dashboard.Host;
using Orleans.Configuration;
using Orleans.Dashboard;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["Urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:8080");
}

var cluster = DashboardHostOptions.From(builder.Configuration);
if (cluster.Provider is not ("redis" or "memory"))
{
    Console.Error.WriteLine($"CampWater Dashboard cannot start. CampWater:Storage:Provider is '{cluster.Provider}': use 'redis' or 'memory'.");
    return 1;
}

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
    }

    client.UseConnectionRetryFilter<ReconnectForever>();
    client.AddDashboard(); // the Orleans operations view under /orleans, for admins
    client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(5));
});

builder.Services.AddHealthChecks().AddCheck<ClusterReadiness>("cluster", tags: [DashboardEndpointExtensions.ReadyTag]);
try
{
    builder.Services.AddCampWaterDashboard(builder.Configuration, builder.Environment);
}
catch (AuthConfigurationException e)
{
    Console.Error.WriteLine("CampWater Dashboard cannot start. " + e.Message);
    return 1;
}

var app = builder.Build();
app.MapCampWaterDashboard();
await app.RunAsync();
return 0;
