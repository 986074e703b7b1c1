using System.Net;
using System.Net.Sockets;
using CampWater.Silo.Storage;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Storage;
using StackExchange.Redis;

namespace CampWater.Silo.Hosting;

/// <summary>Clustering, grain storage and reminders, chosen by <c>CampWater:Storage:Provider</c>.</summary>
internal static class ClusterComposition
{
    public static void Configure(ISiloBuilder silo, CampWaterOptions options)
    {
        var cluster = options.Cluster;
        switch (options.Storage.Provider)
        {
            case "memory":
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
                // One silo: its grains' state stays in the process (see ProcessGrainStorage).
                silo.Services.AddKeyedSingleton<IGrainStorage, ProcessGrainStorage>(StorageNames.State);
                silo.UseInMemoryReminderService();
                break;
            case "redis":
                var redis = RedisConfiguration(options.Redis);
                silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.ClusterId;
                    o.ServiceId = cluster.ServiceId;
                });
                silo.ConfigureEndpoints(AdvertisedAddress(cluster), cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
                silo.UseRedisClustering(o => o.ConfigurationOptions = redis.Clone());
                silo.AddRedisGrainStorage(StorageNames.State, o => o.ConfigurationOptions = redis.Clone());
                silo.UseRedisReminderService(o => o.ConfigurationOptions = redis.Clone());
                break;
            default:
                throw new StartupException($"CampWater:Storage:Provider '{options.Storage.Provider}' is not available in this build.");
        }

        // A silo that dies is noticed in about ten seconds, so its tanks come back on another one quickly.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 3;
            o.NumVotesForDeathDeclaration = 1;
        });
        silo.UseCampWaterStateSerializer();
        silo.AddDashboard(); // the operations view, mounted by the Dashboard under /orleans for admins
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
    }

    /// <summary>Redis connection settings from <c>CampWater:Redis:ConnectionString</c>; retried, never fatal at start.</summary>
    public static ConfigurationOptions RedisConfiguration(RedisOptions redis)
    {
        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(redis.ConnectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupException($"CampWater:Redis:ConnectionString is not a Redis connection string: {e.Message}");
        }

        parsed.AbortOnConnectFail = false;
        return parsed;
    }

    private static IPAddress AdvertisedAddress(ClusterOptions cluster)
    {
        if (!string.IsNullOrWhiteSpace(cluster.AdvertisedAddress))
        {
            if (IPAddress.TryParse(cluster.AdvertisedAddress, out var address))
            {
                return address;
            }

            var resolved = Dns.GetHostAddresses(cluster.AdvertisedAddress).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? throw new StartupException($"CampWater:Cluster:AdvertisedAddress '{cluster.AdvertisedAddress}' does not resolve to an IPv4 address.");
            return resolved;
        }

        return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
            ?? IPAddress.Loopback;
    }
}
