using CampWater.Readings;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Water;
using Xunit;

namespace CampWater.Tanks;

public sealed class HistorySplitTests
{
    private static readonly DateTimeOffset s_start = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    private static LevelPoint At(int minute) => new(s_start.AddMinutes(minute), LevelMm: 1000 + minute, VolumeL: 3000 + minute);

    private static List<LevelPoint> Minutes(int from, int to) => [.. Enumerable.Range(from, to - from + 1).Select(At)];

    [Fact]
    public void Activation_takes_the_flushed_points_then_only_the_tail_points_after_the_last_of_them()
    {
        var flushed = Minutes(0, 5);

        HistorySplit.Restore(flushed, Minutes(4, 8), appliedUpTo: At(8).Ts);

        Assert.Equal(Minutes(0, 8), flushed);
    }

    [Fact]
    public void A_crash_between_the_history_write_and_the_tank_write_loses_and_duplicates_nothing()
    {
        // The history record was flushed with minutes 0–9; the tank record still has its old tail 3–8 and
        // minute 8 as its newest reading: minute 9's reading was never acknowledged and comes again.
        var flushed = Minutes(0, 9);

        var split = HistorySplit.Restore(flushed, Minutes(3, 8), appliedUpTo: At(8).Ts);

        Assert.Equal(Minutes(0, 8), flushed);
        flushed.Add(At(9)); // the redelivered reading
        var tail = new List<LevelPoint>();
        split.FillTail(flushed, tail);
        Assert.Equal([At(9)], tail);
    }

    [Fact]
    public void A_record_stored_before_the_split_brings_its_whole_history_which_is_flushed_at_the_next_write()
    {
        var legacy = Minutes(0, 2000);
        var history = new List<LevelPoint>();

        var split = HistorySplit.Restore(history, legacy, appliedUpTo: At(2000).Ts);

        Assert.Equal(legacy, history);
        Assert.True(split.FlushDue(history));
    }

    [Fact]
    public void The_tail_is_flushed_once_its_first_point_is_more_than_10_minutes_older_than_its_newest()
    {
        var history = Minutes(0, 100);
        var split = HistorySplit.Restore([.. history], [], appliedUpTo: At(100).Ts);
        var tail = new List<LevelPoint>();

        for (var minute = 101; minute <= 111; minute++)
        {
            history.Add(At(minute));
            Assert.False(split.FlushDue(history), $"minute {minute}");
        }

        split.FillTail(history, tail);
        Assert.Equal(Minutes(101, 111), tail);

        history.Add(At(112));
        Assert.True(split.FlushDue(history));
        split.Flushed(history);
        split.FillTail(history, tail);
        Assert.Empty(tail);
        Assert.False(split.FlushDue(history));
    }

    [Fact]
    public void More_than_16_tail_points_are_flushed_however_close_together()
    {
        var split = HistorySplit.Restore([], [], appliedUpTo: null);
        var history = Enumerable.Range(0, 16).Select(s => new LevelPoint(s_start.AddSeconds(s), 1000, 3000)).ToList();
        Assert.False(split.FlushDue(history));

        history.Add(new LevelPoint(s_start.AddSeconds(16), 1000, 3000));

        Assert.True(split.FlushDue(history));
    }

    [Fact]
    public void History_trimmed_at_its_old_end_since_the_flush_is_flushed_even_with_a_one_point_tail()
    {
        var history = Minutes(0, 100);
        var split = HistorySplit.Restore([.. history], [], appliedUpTo: At(100).Ts);
        history.Add(At(101));
        Assert.False(split.FlushDue(history));

        history.RemoveAt(0);

        Assert.True(split.FlushDue(history));
    }

    /// <summary>
    /// Nine days of readings every 30 s through <see cref="TankModel"/> (so the history is trimmed at 8 days and
    /// compacted), each written the way the tank grain writes: the tail stays at most 11 points, and the
    /// history rebuilt from what was stored is the one in memory, after a crash between the two writes too.
    /// </summary>
    [Fact]
    public void Nine_days_of_readings_keep_the_tail_at_11_points_and_what_is_stored_rebuilds_the_whole_history()
    {
        var config = Water.Tanks.Tank(TankShapeKind.VerticalCylinder, diameterMm: 2000, heightMm: 3000);
        var geometry = TankGeometry.From(config);
        var tank = new TankRecord { Config = config, CampId = "c" };
        var stored = new Stored();
        var split = HistorySplit.Restore([], [], appliedUpTo: null);
        var longestTail = 0;
        var flushes = 0;
        var checkedCrashes = 0;

        for (var i = 0; i < 9 * 24 * 120; i++)
        {
            var ts = s_start.AddSeconds(30 * i);
            var distance = 1500 + (Math.Sin(i / 200.0) * 800);
            TankModel.Apply(tank, new TankReading(ts, MeasurementKind.DistanceMm, distance, ts), geometry, TimeZoneInfo.Utc);

            if (split.FlushDue(tank.History))
            {
                stored.History = [.. tank.History];
                flushes++;
                if (flushes % 25 == 0)
                {
                    // The silo dies here: the tank record written before this reading is what is left.
                    var restored = stored.Restore();
                    Assert.Equal(tank.History.Where(p => p.Ts <= stored.LatestTs), restored);
                    checkedCrashes++;
                }

                split.Flushed(tank.History);
            }

            split.FillTail(tank.History, tank.HistoryTail);
            stored.Tail = [.. tank.HistoryTail];
            stored.LatestTs = tank.Latest!.Ts;
            longestTail = Math.Max(longestTail, tank.HistoryTail.Count);

            if (i % 997 == 0)
            {
                Assert.Equal(tank.History, stored.Restore());
            }
        }

        Assert.Equal(tank.History, stored.Restore());
        Assert.InRange(longestTail, 10, 11);
        Assert.True(checkedCrashes > 40, $"{checkedCrashes} crashes checked");
        Assert.True(tank.History[0].Ts > s_start.AddHours(23), $"the history was trimmed to 8 days, it starts at {tank.History[0].Ts:O}");
    }

    private sealed class Stored
    {
        public List<LevelPoint> History { get; set; } = [];

        public List<LevelPoint> Tail { get; set; } = [];

        public DateTimeOffset? LatestTs { get; set; }

        public List<LevelPoint> Restore()
        {
            List<LevelPoint> history = [.. History];
            HistorySplit.Restore(history, Tail, LatestTs);
            return history;
        }
    }
}
