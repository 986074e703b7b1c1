using CampWater.Dashboard.Metrics;
using CampWater.Silo.Archive;
using CampWater.Silo.Hosting;
using CampWater.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampWater.ArchiveTests;

public sealed class ArchiveWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Line(int i) => $"m v={i}i {i}";

    private static (ArchiveWriter Writer, ArchiveMetrics Metrics) Create(ArchiveBuffer buffer, FakePointWriter server, double shutdownSeconds = 10)
    {
        var options = new CampWaterOptions
        {
            Archive = new ArchiveOptions { FlushIntervalSeconds = 0.05, RetryMaxSeconds = 0.2, ShutdownTimeoutSeconds = shutdownSeconds },
        };
        var metrics = new ArchiveMetrics(buffer);
        return (new ArchiveWriter(buffer, server, metrics, Options.Create(options), NullLogger<ArchiveWriter>.Instance), metrics);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited 20 s for {what}.");
            }

            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task A_server_that_refuses_connections_for_5_requests_then_gets_all_1000_points_once_and_in_order()
    {
        var buffer = new ArchiveBuffer(capacity: 10_000, batchSize: 100);
        var server = new FakePointWriter { FailFirst = 5 };
        var (writer, metrics) = Create(buffer, server);
        for (var i = 0; i < 1000; i++)
        {
            buffer.TryAdd(Line(i));
        }

        await writer.StartAsync(Ct);
        await WaitUntilAsync(() => server.Taken.Count >= 1000, "1000 points written");
        await writer.StopAsync(Ct);

        Assert.Equal(Enumerable.Range(0, 1000).Select(Line), server.Taken);
        Assert.Equal(5, metrics.Failures);
        Assert.Equal(1000, metrics.Written);
        Assert.Equal(0, metrics.DroppedTotal);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public async Task One_refused_point_in_a_batch_of_100_is_dropped_and_counted_and_the_other_99_are_written()
    {
        var buffer = new ArchiveBuffer(capacity: 1000, batchSize: 100);
        var server = new FakePointWriter { Refuse = Line(37) };
        var (writer, metrics) = Create(buffer, server);
        for (var i = 0; i < 100; i++)
        {
            buffer.TryAdd(Line(i));
        }

        await writer.StartAsync(Ct);
        await WaitUntilAsync(() => metrics.Written + metrics.DroppedTotal >= 100, "the batch settled");
        await writer.StopAsync(Ct);

        Assert.Equal(Enumerable.Range(0, 100).Where(i => i != 37).Select(Line), server.Taken);
        Assert.Equal(1, metrics.DroppedTotal);
        var text = new PrometheusWriter();
        metrics.WriteTo(text);
        Assert.Contains("campwater_archive_points_dropped_total{reason=\"rejected\"} 1\n", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_writes_the_5000_points_still_buffered_before_it_returns()
    {
        var buffer = new ArchiveBuffer(capacity: 10_000, batchSize: 300);
        var server = new FakePointWriter();
        var (writer, metrics) = Create(buffer, server);
        await writer.StartAsync(Ct);
        for (var i = 0; i < 5000; i++)
        {
            buffer.TryAdd(Line(i));
        }

        await writer.StopAsync(Ct);

        Assert.Equal(Enumerable.Range(0, 5000).Select(Line), server.Taken);
        Assert.Equal(0, buffer.Count);
        Assert.Equal(0, metrics.DroppedTotal);
    }

    [Fact]
    public async Task Stopping_while_the_server_is_down_spills_the_300_points_for_the_next_start_within_the_shutdown_bound()
    {
        using var folder = new TempDirectory();
        var buffer = new ArchiveBuffer(capacity: 1000, batchSize: 100, folder.Path, spillMaxBytes: 1 << 20);
        var server = new FakePointWriter { Down = true };
        var (writer, metrics) = Create(buffer, server, shutdownSeconds: 0.5);
        for (var i = 0; i < 300; i++)
        {
            buffer.TryAdd(Line(i));
        }

        await writer.StartAsync(Ct);
        await WaitUntilAsync(() => server.Requests >= 2, "failed attempts");
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        await writer.StopAsync(Ct);

        Assert.InRange(stopping.Elapsed.TotalSeconds, 0, 5);
        Assert.Equal(0, metrics.DroppedTotal);
        var next = new ArchiveBuffer(capacity: 1000, batchSize: 100, folder.Path, spillMaxBytes: 1 << 20);
        Assert.Equal(300, next.Count);
        var nextServer = new FakePointWriter();
        var (nextWriter, _) = Create(next, nextServer);
        await nextWriter.StartAsync(Ct);
        await WaitUntilAsync(() => nextServer.Taken.Count >= 300, "the spilled points written after the restart");
        await nextWriter.StopAsync(Ct);
        Assert.Equal(Enumerable.Range(0, 300).Select(Line), nextServer.Taken);
    }

    [Fact]
    public async Task Stopping_while_the_server_is_down_without_a_spill_folder_counts_the_300_points_as_dropped_at_shutdown()
    {
        var buffer = new ArchiveBuffer(capacity: 1000, batchSize: 100);
        var server = new FakePointWriter { Down = true };
        var (writer, metrics) = Create(buffer, server, shutdownSeconds: 0.3);
        for (var i = 0; i < 300; i++)
        {
            buffer.TryAdd(Line(i));
        }

        await writer.StartAsync(Ct);
        await WaitUntilAsync(() => server.Requests >= 1, "a failed attempt");
        await writer.StopAsync(Ct);

        var text = new PrometheusWriter();
        metrics.WriteTo(text);
        Assert.Contains("campwater_archive_points_dropped_total{reason=\"shutdown\"} 300\n", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_the_server_is_down_a_full_memory_spills_to_disk_and_nothing_is_dropped()
    {
        using var folder = new TempDirectory();
        var buffer = new ArchiveBuffer(capacity: 1000, batchSize: 100, folder.Path, spillMaxBytes: 1 << 20);
        var server = new FakePointWriter { Down = true };
        var (writer, metrics) = Create(buffer, server);
        var archive = new InfluxArchive(buffer, metrics, TimeSpan.FromSeconds(1), TimeProvider.System, NullLogger<InfluxArchive>.Instance);
        await writer.StartAsync(Ct);
        var alert = new CampWater.Alerts.Alert("a1", "c", "t", CampWater.Alerts.AlertKind.LowLevel, CampWater.Alerts.AlertSeverity.Warning,
            CampWater.Alerts.AlertState.Active, "low", 20, 25, DateTimeOffset.UnixEpoch, null, null, null, null, null, 0, []);
        for (var i = 0; i < 5000; i++)
        {
            archive.AlertChanged(alert with { RaisedAt = DateTimeOffset.UnixEpoch.AddSeconds(i) });
            if (i % 400 == 399)
            {
                // The spill runs beside the writer every 100 ms: let it bring memory back to half
                // (500, plus the batch of 100 the writer keeps trying).
                await WaitUntilAsync(() => buffer.Count - buffer.SpilledCount <= 600, "memory spilled to half");
            }
        }

        await WaitUntilAsync(() => buffer.SpilledCount >= 4000, "the spill");
        Assert.Equal(0, metrics.DroppedTotal);
        server.Down = false;
        await WaitUntilAsync(() => server.Taken.Count >= 5000, "all 5000 written");
        await writer.StopAsync(Ct);
        Assert.Equal(5000, server.Taken.Distinct().Count());
    }

    [Fact]
    public void A_full_buffer_counts_each_refused_point_as_dropped_for_metrics()
    {
        var buffer = new ArchiveBuffer(capacity: 1, batchSize: 1);
        var metrics = new ArchiveMetrics(buffer);
        var archive = new InfluxArchive(buffer, metrics, TimeSpan.FromSeconds(1), TimeProvider.System, NullLogger<InfluxArchive>.Instance);
        var coverage = new CampWater.Status.DailyCoverage(new DateOnly(2026, 11, 29), 1000, 20_000, 0, 20, 20, true, 1);

        for (var i = 0; i < 3; i++)
        {
            archive.CoverageChanged("c", DateTimeOffset.UnixEpoch.AddDays(i), coverage);
        }

        var text = new PrometheusWriter();
        metrics.WriteTo(text);
        Assert.Contains("campwater_archive_points_dropped_total{reason=\"buffer-full\"} 2\n", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("campwater_archive_queue_depth 1\n", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, metrics.Enqueued);
    }
}
