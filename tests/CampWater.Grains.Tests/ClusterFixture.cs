using CampWater.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace CampWater;

/// <summary>One in-process silo with memory storage and a camp clock the tests move by hand.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>Collects what the grains send out instead of publishing it.</summary>
    public RecordingOutbox Outbox { get; } = new();

    /// <summary>Collects what the grains send to the archive.</summary>
    public RecordingArchive Archive { get; } = new();

    public IGrainFactory Grains => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder();
        var clock = new CampClock(Time);
        builder.ConfigureSilo((_, silo) => silo.AddMemoryGrainStorage(StorageNames.State).UseInMemoryReminderService().UseCampWaterStateSerializer());
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddSingleton(clock);
            host.Services.AddSingleton<IOutbox>(Outbox);
            host.Services.AddSingleton<CampWater.Archive.IArchive>(Archive);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
