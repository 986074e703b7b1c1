using Orleans.Configuration;
using Orleans.Dashboard;

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
                silo.AddMemoryGrainStorage(StorageNames.State);
                silo.UseInMemoryReminderService();
                break;
            default:
                throw new StartupException($"CampWater:Storage:Provider '{options.Storage.Provider}' is not available in this build.");
        }

        silo.UseCampWaterStateSerializer();
        silo.AddDashboard(); // the operations view, mounted by the Dashboard under /orleans for admins
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(30));
    }
}
