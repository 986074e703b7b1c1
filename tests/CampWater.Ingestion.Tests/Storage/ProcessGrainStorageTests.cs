using CampWater.Silo.Storage;
using CampWater.Tanks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace CampWater.Ingestion.Tests.Storage;

/// <summary>The single-silo memory provider: a store with versions, not a reference to the live state.</summary>
public sealed class ProcessGrainStorageTests : IDisposable
{
    private const string StateName = "tank";
    private static readonly GrainId Tank = GrainId.Create("tank", "camp-a/t1");
    private static readonly GrainId OtherTank = GrainId.Create("tank", "camp-a/t2");

    private readonly ServiceProvider _services;
    private readonly ProcessGrainStorage _storage;

    public ProcessGrainStorageTests()
    {
        _services = new ServiceCollection()
            .AddSerializer()
            .AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>()
            .BuildServiceProvider();
        _storage = new ProcessGrainStorage(_services.GetRequiredService<IGrainStorageSerializer>());
    }

    public void Dispose() => _services.Dispose();

    private async Task<GrainState<TankRecord>> ReadAsync(string stateName, GrainId grain)
    {
        var state = new GrainState<TankRecord>(new TankRecord());
        await _storage.ReadStateAsync(stateName, grain, state);
        return state;
    }

    private static TankRecord Record(string campId, long applied)
    {
        var record = new TankRecord { CampId = campId, TimeZone = "Asia/Damascus" };
        record.Counters.Applied = applied;
        record.RecentTs.Add(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.Zero));
        return record;
    }

    [Fact]
    public async Task A_state_never_written_reads_as_a_new_record_without_an_etag()
    {
        var state = new GrainState<TankRecord>(Record("stale", 9));

        await _storage.ReadStateAsync(StateName, Tank, state);

        Assert.False(state.RecordExists);
        Assert.Null(state.ETag);
        Assert.Null(state.State!.CampId);
        Assert.Equal(0, state.State!.Counters.Applied);
    }

    [Fact]
    public async Task A_written_state_reads_back_as_a_copy_that_later_changes_to_the_live_state_do_not_reach()
    {
        var written = new GrainState<TankRecord>(Record("camp-a", 41));
        await _storage.WriteStateAsync(StateName, Tank, written);
        written.State!.Counters.Applied = 999; // the grain goes on changing its live state without writing it
        written.State!.RecentTs.Clear();

        var read = await ReadAsync(StateName, Tank);

        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.NotSame(written.State, read.State);
        Assert.Equal("camp-a", read.State!.CampId);
        Assert.Equal("Asia/Damascus", read.State!.TimeZone);
        Assert.Equal(41, read.State!.Counters.Applied);
        Assert.Single(read.State!.RecentTs);
    }

    [Fact]
    public async Task Each_write_gives_a_new_etag_and_a_write_from_a_stale_etag_is_refused_without_changing_the_store()
    {
        var first = new GrainState<TankRecord>(Record("camp-a", 1));
        await _storage.WriteStateAsync(StateName, Tank, first);
        var stale = await ReadAsync(StateName, Tank);
        var etagBefore = first.ETag;

        first.State!.Counters.Applied = 2;
        await _storage.WriteStateAsync(StateName, Tank, first);
        Assert.NotEqual(etagBefore, first.ETag);

        stale.State!.Counters.Applied = 100;
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Tank, stale));
        Assert.Contains(Tank.ToString(), conflict.Message, StringComparison.Ordinal);

        var read = await ReadAsync(StateName, Tank);
        Assert.Equal(2, read.State!.Counters.Applied);
        Assert.Equal(first.ETag, read.ETag);
    }

    [Fact]
    public async Task A_first_write_that_claims_an_etag_is_refused_because_someone_cleared_the_record()
    {
        var state = new GrainState<TankRecord>(Record("camp-a", 1));
        await _storage.WriteStateAsync(StateName, Tank, state);
        var other = await ReadAsync(StateName, Tank);

        await _storage.ClearStateAsync(StateName, Tank, other);

        Assert.False(other.RecordExists);
        Assert.Null(other.ETag);
        Assert.Equal(0, _storage.Count);
        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Tank, state));
    }

    [Fact]
    public async Task Grains_and_state_names_are_kept_apart()
    {
        await _storage.WriteStateAsync(StateName, Tank, new GrainState<TankRecord>(Record("camp-a", 1)));
        await _storage.WriteStateAsync(StateName, OtherTank, new GrainState<TankRecord>(Record("camp-a", 2)));
        await _storage.WriteStateAsync("history", Tank, new GrainState<TankRecord>(Record("camp-a", 3)));

        async Task<long> Applied(string name, GrainId grain) => (await ReadAsync(name, grain)).State!.Counters.Applied;

        Assert.Equal(1, await Applied(StateName, Tank));
        Assert.Equal(2, await Applied(StateName, OtherTank));
        Assert.Equal(3, await Applied("history", Tank));
        Assert.Equal(3, _storage.Count);
    }

    [Fact]
    public async Task An_activation_that_read_a_record_before_it_was_cleared_and_written_again_cannot_overwrite_it()
    {
        var stale = new GrainState<TankRecord>(Record("camp-a", 1));
        await _storage.WriteStateAsync(StateName, Tank, stale);
        var other = await ReadAsync(StateName, Tank);
        await _storage.ClearStateAsync(StateName, Tank, other);
        var fresh = new GrainState<TankRecord>(Record("camp-b", 5));
        await _storage.WriteStateAsync(StateName, Tank, fresh);

        await Assert.ThrowsAsync<InconsistentStateException>(() => _storage.WriteStateAsync(StateName, Tank, stale));

        var read = await ReadAsync(StateName, Tank);
        Assert.Equal("camp-b", read.State!.CampId);
    }
}
