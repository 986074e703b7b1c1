namespace CampWater.Dashboard.Host;

/// <summary>The keys of <c>CampWater:*</c> that the Dashboard process reads: where the cluster is.</summary>
public sealed class DashboardHostOptions
{
    /// <summary><c>redis</c>: silos found through Redis clustering; <c>memory</c>: one silo on this machine.</summary>
    public string Provider { get; set; } = "redis";

    public string RedisConnectionString { get; set; } = "localhost:6379";

    public string ClusterId { get; set; } = "campwater";

    public string ServiceId { get; set; } = "campwater";

    /// <summary>The local silo's gateway port, for <c>memory</c>.</summary>
    public int GatewayPort { get; set; } = 30000;

    public static DashboardHostOptions From(IConfiguration configuration) => new()
    {
        Provider = configuration["CampWater:Storage:Provider"] ?? "redis",
        RedisConnectionString = configuration["CampWater:Redis:ConnectionString"] ?? "localhost:6379",
        ClusterId = configuration["CampWater:Cluster:ClusterId"] ?? "campwater",
        ServiceId = configuration["CampWater:Cluster:ServiceId"] ?? "campwater",
        GatewayPort = int.TryParse(configuration["CampWater:Cluster:GatewayPort"], out var port) ? port : 30000,
    };
}
