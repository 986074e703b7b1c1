using CampWater.Silo.Archive;
using CampWater.Testing;

namespace CampWater.ArchiveTests;

public sealed class ArchiveBufferTests
{
    private static string Line(int i) => $"m v={i}i {i}";

    private static List<string> Drain(ArchiveBuffer buffer)
    {
        var all = new List<string>();
        while (buffer.TryTake() is { } batch)
        {
            all.AddRange(batch.Lines);
            buffer.Complete(batch);
        }

        return all;
    }

    [Fact]
    public void Twenty_five_points_come_out_in_the_order_they_went_in_as_batches_of_10_10_and_5()
    {
        var buffer = new ArchiveBuffer(capacity: 100, batchSize: 10);
        for (var i = 0; i < 25; i++)
        {
            Assert.True(buffer.TryAdd(Line(i)));
        }

        var sizes = new List<int>();
        var all = new List<string>();
        while (buffer.TryTake() is { } batch)
        {
            sizes.Add(batch.Count);
            all.AddRange(batch.Lines);
            buffer.Complete(batch);
        }

        Assert.Equal([10, 10, 5], sizes);
        Assert.Equal(Enumerable.Range(0, 25).Select(Line), all);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void A_buffer_of_5_refuses_the_6th_point_and_keeps_the_first_5()
    {
        var buffer = new ArchiveBuffer(capacity: 5, batchSize: 2);
        Assert.All(Enumerable.Range(0, 5), i => Assert.True(buffer.TryAdd(Line(i))));

        Assert.False(buffer.TryAdd(Line(5)));
        Assert.Equal(5, buffer.Count);
        Assert.Equal(Enumerable.Range(0, 5).Select(Line), Drain(buffer));
    }

    [Fact]
    public void A_taken_batch_counts_as_waiting_until_it_is_completed_and_no_second_batch_is_given_meanwhile()
    {
        var buffer = new ArchiveBuffer(capacity: 10, batchSize: 4);
        for (var i = 0; i < 6; i++)
        {
            buffer.TryAdd(Line(i));
        }

        var batch = buffer.TryTake()!;
        Assert.Equal(6, buffer.Count);
        Assert.Throws<InvalidOperationException>(() => buffer.TryTake());
        Assert.Same(batch, buffer.TryTakeAgain());

        buffer.Complete(batch);
        Assert.Equal(2, buffer.Count);
    }

    [Fact]
    public void A_taken_batch_makes_room_in_memory_but_counts_as_waiting_until_it_is_written()
    {
        var buffer = new ArchiveBuffer(capacity: 4, batchSize: 4);
        for (var i = 0; i < 4; i++)
        {
            buffer.TryAdd(Line(i));
        }

        var batch = buffer.TryTake()!;
        // Memory takes new points while the batch is out; the batch is still counted as waiting.
        Assert.True(buffer.TryAdd(Line(4)));
        Assert.Equal(5, buffer.Count);
        buffer.Complete(batch);
        Assert.Equal([Line(4)], Drain(buffer));
    }

    [Fact]
    public async Task Spilling_half_of_a_full_memory_to_disk_keeps_the_order_of_all_15_points()
    {
        using var folder = new TempDirectory();
        var buffer = new ArchiveBuffer(capacity: 10, batchSize: 2, folder.Path, spillMaxBytes: 1 << 20);
        for (var i = 0; i < 10; i++)
        {
            Assert.True(buffer.TryAdd(Line(i)));
        }

        Assert.False(buffer.TryAdd(Line(99)));
        var spilled = await buffer.SpillIfHighAsync(TestContext.Current.CancellationToken);

        Assert.Equal(5, spilled);
        Assert.Equal(5, buffer.SpilledCount);
        Assert.Equal(3, Directory.GetFiles(folder.Path, "*.lp").Length);
        for (var i = 10; i < 15; i++)
        {
            Assert.True(buffer.TryAdd(Line(i)));
        }

        Assert.Equal(15, buffer.Count);
        Assert.Equal(Enumerable.Range(0, 15).Select(Line), Drain(buffer));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public async Task What_is_left_at_shutdown_is_spilled_and_a_new_buffer_on_the_same_folder_gives_all_7_points_in_order()
    {
        using var folder = new TempDirectory();
        var before = new ArchiveBuffer(capacity: 100, batchSize: 3, folder.Path, spillMaxBytes: 1 << 20);
        for (var i = 0; i < 4; i++)
        {
            before.TryAdd(Line(i));
        }

        await before.SpillIfHighAsync(TestContext.Current.CancellationToken); // below half: nothing moves
        Assert.Equal(0, before.SpilledCount);
        _ = before.TryTake(); // points 0-2 were being written when the host stopped
        for (var i = 4; i < 7; i++)
        {
            before.TryAdd(Line(i));
        }

        var lost = await before.SpillAllAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, lost);

        var after = new ArchiveBuffer(capacity: 100, batchSize: 3, folder.Path, spillMaxBytes: 1 << 20);
        Assert.Equal(7, after.Count);
        Assert.Equal(Enumerable.Range(0, 7).Select(Line), Drain(after));
    }

    [Fact]
    public async Task Without_a_spill_folder_the_8_points_left_at_shutdown_are_reported_lost()
    {
        var buffer = new ArchiveBuffer(capacity: 100, batchSize: 5);
        for (var i = 0; i < 8; i++)
        {
            buffer.TryAdd(Line(i));
        }

        _ = buffer.TryTake();
        Assert.Equal(8, await buffer.SpillAllAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_spill_folder_at_its_limit_takes_no_more_and_memory_then_refuses_points()
    {
        using var folder = new TempDirectory();
        var buffer = new ArchiveBuffer(capacity: 4, batchSize: 2, folder.Path, spillMaxBytes: 1);
        for (var i = 0; i < 4; i++)
        {
            buffer.TryAdd(Line(i));
        }

        Assert.Equal(2, await buffer.SpillIfHighAsync(TestContext.Current.CancellationToken)); // one file fills the folder
        Assert.True(buffer.TryAdd(Line(4)));
        Assert.True(buffer.TryAdd(Line(5)));
        Assert.Equal(0, await buffer.SpillIfHighAsync(TestContext.Current.CancellationToken));
        Assert.False(buffer.TryAdd(Line(6)));
        Assert.Equal(Enumerable.Range(0, 6).Select(Line), Drain(buffer));
    }
}
