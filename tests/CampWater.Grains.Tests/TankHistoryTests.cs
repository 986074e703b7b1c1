using CampWater.Grains;
using CampWater.Readings;
using CampWater.Status;
using CampWater.Tanks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;
using static CampWater.TestCamps;

namespace CampWater;

/// <summary>
/// The tank record written for every reading carries only the newest few history points; the history lives
/// in its own record, written every ten minutes of readings, and the two together give the whole history back.
/// Read straight from the silo's grain storage (memory provider, Orleans' binary format as in production).
/// </summary>
public sealed class TankHistoryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const int Hours = 12;

    private IGrainStorage Storage => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.State);

    private Serializer Serializer => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<Serializer>();

    private async Task<ITankGrain> NewTank(string campId)
    {
        await fixture.Grains.GetGrain<ICampGrain>(campId).Configure(Camp(campId), replaceTanks: true);
        return fixture.Grains.GetGrain<ITankGrain>(TankKey.Of(campId, "t1"));
    }

    private static DateTimeOffset Minute(int i) => Noon.AddHours(-Hours).AddMinutes(i);

    /// <summary>A level that rises and falls over the hours, so every point differs.</summary>
    private static double LevelAt(int i) => 1500 + (Math.Sin(i / 40.0) * 900);

    private async Task<GrainState<T>> StoredState<T>(string stateName, ITankGrain tank)
    {
        var stored = new GrainState<T>();
        await Storage.ReadStateAsync(stateName, tank.GetGrainId(), stored);
        return stored;
    }

    private async Task<T> Stored<T>(string stateName, ITankGrain tank) =>
        (await StoredState<T>(stateName, tank)).State ?? throw new InvalidOperationException($"No {stateName} state stored.");

    private async Task<LevelPoint[]> AllLevels(ITankGrain tank) =>
        await tank.GetLevels(Minute(-10_000), Minute(10_000), int.MaxValue);

    [Fact]
    public async Task Twelve_hours_of_readings_a_minute_apart_write_a_tank_record_that_stays_under_3_KB_while_all_720_levels_are_kept()
    {
        var tank = await NewTank("history-size");
        var sizes = new List<int>();
        var longestTail = 0;
        for (var i = 0; i < Hours * 60; i++)
        {
            Assert.Equal(ApplyOutcome.Applied, await tank.Apply(Level(Minute(i), LevelAt(i))));
            var record = await Stored<TankRecord>("tank", tank);
            Assert.Null(record.LegacyHistory);
            sizes.Add(Serializer.SerializeToArray(record).Length);
            longestTail = Math.Max(longestTail, record.HistoryTail.Count);
        }

        var levels = await AllLevels(tank);
        Assert.Equal(Hours * 60, levels.Length);
        Assert.Equal(Enumerable.Range(0, Hours * 60).Select(Minute), levels.Select(p => p.Ts));

        var history = await Stored<TankHistoryRecord>("history", tank);
        var historyBytes = Serializer.SerializeToArray(history).Length;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"tank record {sizes.Min()}–{sizes.Max()} bytes over {sizes.Count} writes, longest tail {longestTail} points; history record {history.Points.Count} points, {historyBytes} bytes");
        Assert.InRange(longestTail, 1, HistorySplit.TailMax);
        Assert.InRange(sizes.Max(), 0, 3000);
        Assert.InRange(sizes.Max() - sizes[60], 0, 1000); // the twelfth hour's record is no bigger than the first's, give or take the day ledger
        Assert.InRange(history.Points.Count, (Hours * 60) - HistorySplit.TailMax, Hours * 60);
        Assert.True(historyBytes > 10 * sizes.Max(), $"the history record ({historyBytes} bytes) holds what the tank record does not");
    }

    [Fact]
    public async Task After_a_deactivation_with_points_in_the_tail_the_history_comes_back_whole_and_goes_on_without_duplicates()
    {
        var tank = await NewTank("history-reactivate");
        for (var i = 0; i < 125; i++)
        {
            await tank.Apply(Level(Minute(i), LevelAt(i)));
        }

        Assert.NotEmpty((await Stored<TankRecord>("tank", tank)).HistoryTail);
        var before = await AllLevels(tank);

        await fixture.Cluster.DeactivateAsync(tank);

        Assert.Equal(before, await AllLevels(tank));
        for (var i = 125; i < 150; i++)
        {
            await tank.Apply(Level(Minute(i), LevelAt(i)));
        }

        // A reading redelivered after the reactivation is a duplicate, and adds no point.
        Assert.Equal(ApplyOutcome.Duplicate, await tank.Apply(Level(Minute(149), LevelAt(149))));
        await fixture.Cluster.DeactivateAsync(tank);

        var after = await AllLevels(tank);
        Assert.Equal(Enumerable.Range(0, 150).Select(Minute), after.Select(p => p.Ts));
        Assert.Equal(before, after.Take(125));
        Assert.Equal(LevelAt(149), after[^1].LevelMm, 6);
    }

    [Fact]
    public async Task A_tank_record_stored_with_its_history_inside_brings_it_back_and_moves_it_to_the_history_record()
    {
        var tank = await NewTank("history-legacy");
        for (var i = 0; i < 300; i++)
        {
            await tank.Apply(Level(Minute(i), LevelAt(i)));
        }

        var before = await AllLevels(tank);
        await fixture.Cluster.DeactivateAsync(tank);

        // As a silo of the previous version left it: the whole history in the tank record, no history record.
        var record = await StoredState<TankRecord>("tank", tank);
        record.State!.LegacyHistory = [.. before];
        record.State.HistoryTail = [];
        await Storage.WriteStateAsync("tank", tank.GetGrainId(), record);
        await Storage.ClearStateAsync("history", tank.GetGrainId(), await StoredState<TankHistoryRecord>("history", tank));
        Assert.Empty((await Stored<TankHistoryRecord>("history", tank)).Points);

        Assert.Equal(before, await AllLevels(tank));
        await tank.Apply(Level(Minute(300), LevelAt(300)));

        var written = await Stored<TankRecord>("tank", tank);
        Assert.Null(written.LegacyHistory);
        Assert.Empty(written.HistoryTail);
        Assert.Equal([.. before, (await AllLevels(tank))[^1]], (await Stored<TankHistoryRecord>("history", tank)).Points);
    }
}
