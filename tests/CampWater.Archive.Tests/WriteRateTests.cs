using System.Diagnostics;
using CampWater.Readings;
using CampWater.Silo.Archive;
using CampWater.Silo.Hosting;
using CampWater.Testing;
using CampWater.Water;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampWater.ArchiveTests;

/// <summary>The archive's own pace: points through InfluxDB.Client's write API into a real VictoriaMetrics.</summary>
public sealed class WriteRateTests
{
    private const int Tanks = 100;
    private const int PerTank = 2000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_thousand_buffered_readings_are_written_in_batches_of_5000_each_once_at_a_sustained_rate_above_5000_points_per_second()
    {
        await using var server = await VictoriaMetricsServer.StartAsync(Ct);
        var options = Options.Create(new CampWaterOptions
        {
            Archive = new ArchiveOptions
            {
                Provider = "influxdb",
                InfluxDb = new InfluxDbOptions { Url = server.Url, Org = "o", Bucket = "b", Token = "t" },
                BufferSize = Tanks * PerTank,
                BatchSize = 5000,
            },
        });
        var buffer = new ArchiveBuffer(options.Value.Archive.BufferSize, options.Value.Archive.BatchSize);
        var metrics = new ArchiveMetrics(buffer);
        var archive = new InfluxArchive(buffer, metrics, TimeSpan.FromMinutes(1), TimeProvider.System, NullLogger<InfluxArchive>.Instance);
        using var influx = new InfluxPointWriter(options);
        var writer = new ArchiveWriter(buffer, influx, metrics, options, NullLogger<ArchiveWriter>.Instance);
        var t0 = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < PerTank; i++)
        {
            for (var t = 0; t < Tanks; t++)
            {
                var reading = new TankReading(t0.AddMinutes(i), MeasurementKind.LevelMm, 1000 + i % 100, t0, BatteryPct: 90, Rssi: -90);
                archive.ReadingAccepted("rate", $"t{t}", reading, new LevelInterpretation(false, null, 1000 + i % 100, 1000 + i % 100, 33.3, 3141.6));
            }
        }

        var queued = clock.Elapsed;
        clock.Restart();
        await writer.StartAsync(Ct);
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (metrics.Written < Tanks * PerTank && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Ct);
        }

        var written = clock.Elapsed;
        await writer.StopAsync(Ct);

        Assert.Equal(Tanks * PerTank, metrics.Written);
        Assert.Equal(0, metrics.Failures);
        var series = await server.SeriesAsync("{__name__=\"tank_level_levelMm\",camp=\"rate\"}", Tanks * PerTank, Ct);
        Assert.Equal(Tanks, series.Count);
        Assert.All(series, s => Assert.Equal(PerTank, s.Timestamps.Distinct().Count()));
        Assert.Equal(Tanks * PerTank, series.Sum(s => s.Timestamps.Count));
        var rate = Tanks * PerTank / written.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Tanks * PerTank} points (6 fields each) formed and queued in {queued.TotalSeconds:0.00} s ({Tanks * PerTank / queued.TotalSeconds:0} points/s), " +
            $"then written in {written.TotalSeconds:0.00} s: {rate:0} points/s sustained into VictoriaMetrics.");
        Assert.True(rate > 5000, $"{rate:0} points/s");
    }
}
