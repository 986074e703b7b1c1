using CampWater.Status;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Xunit;

namespace CampWater.Tanks;

/// <summary>What a tank record looks like stored: its history out of it, records of the old shape still read.</summary>
public sealed class TankRecordStorageTests
{
    private static readonly Serializer s_serializer = new ServiceCollection()
        .AddSerializer(b => b.AddAssembly(typeof(TankRecord).Assembly).AddAssembly(typeof(LevelPoint).Assembly).AddAssembly(typeof(TankRecordStorageTests).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    private static readonly DateTimeOffset s_start = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static List<LevelPoint> Week() =>
        [.. Enumerable.Range(0, 2700).Select(i => new LevelPoint(s_start.AddMinutes(4 * i), 1000 + i, 3000 + i))];

    [Fact]
    public void A_record_is_stored_without_its_history_but_with_its_tail()
    {
        var small = new TankRecord { CampId = "c" };
        var record = new TankRecord { CampId = "c", History = Week(), HistoryTail = [.. Week().TakeLast(3)] };

        var bytes = s_serializer.SerializeToArray(record);
        var copy = s_serializer.Deserialize<TankRecord>(bytes)!;

        Assert.Empty(copy.History);
        Assert.Equal(record.HistoryTail, copy.HistoryTail);
        Assert.Null(copy.LegacyHistory);
        Assert.InRange(bytes.Length, 0, s_serializer.SerializeToArray(small).Length + 200);
    }

    [Fact]
    public void A_record_stored_with_its_history_under_id_7_comes_back_with_it_as_the_legacy_history()
    {
        var old = new OldShapeTankRecord { CampId = "c", History = Week() };

        var copy = s_serializer.Deserialize<TankRecord>(s_serializer.SerializeToArray(old))!;

        Assert.Equal("c", copy.CampId);
        Assert.Equal(old.History, copy.LegacyHistory);
        Assert.Empty(copy.History);
    }
}

/// <summary>The tank record as stored before the history had its own record (the fields that matter here).</summary>
[GenerateSerializer, Alias("campwater.tests.OldShapeTankRecord")]
public sealed class OldShapeTankRecord
{
    [Id(1)] public string? CampId { get; set; }

    [Id(7)] public List<LevelPoint> History { get; set; } = [];
}
