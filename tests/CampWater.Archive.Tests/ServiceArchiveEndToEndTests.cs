using System.Text;
using CampWater.Testing;

namespace CampWater.ArchiveTests;

/// <summary>Water quality tests and tap counts reach the archive server (a real VictoriaMetrics), as readings do.</summary>
public sealed class ServiceArchiveEndToEndTests(BulkArchiveFixture host) : IClassFixture<BulkArchiveFixture>
{
    private const string Camp = ArchiveRegistry.ServicesCamp;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sensor_test_of_0_15_mg_per_litre_and_a_count_of_4_of_6_taps_are_archived_at_their_times_with_their_tags()
    {
        var ts = Readings.ToMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-5));
        await using var sensor = await host.ConnectSensorAsync();
        await sensor.PublishStringAsync($"campwater/{Camp}/tanks/q1/quality", $$"""{"ts":"{{ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}","frcMgL":0.15,"turbidityNtu":2}""", cancellationToken: Ct);
        using var count = await host.Http.PostAsync($"/api/camps/{Camp}/points/p1/status", new StringContent("""{"usableTaps":4}""", Encoding.UTF8, "application/json"), Ct);
        count.EnsureSuccessStatusCode();

        var frc = await Eventually.ValueAsync(
            () => host.Archive.ExportSeriesAsync($"{{__name__=\"quality_frcMgL\",camp=\"{Camp}\"}}", Ct), s => s.Count > 0, TimeSpan.FromSeconds(20), "the quality test in the archive");
        var series = Assert.Single(frc);
        Assert.Equal(("q1", "sensor"), (series.Label("tank"), series.Label("source")));
        var point = Assert.Single(series.Points);
        Assert.Equal((ts, 0.15), (point.At, point.Value));
        var ok = Assert.Single(await host.Archive.ExportSeriesAsync($"{{__name__=\"quality_ok\",camp=\"{Camp}\"}}", Ct));
        Assert.Equal(0, Assert.Single(ok.Values));

        var taps = await Eventually.ValueAsync(
            () => host.Archive.ExportSeriesAsync($"{{__name__=\"service_status_usableTaps\",camp=\"{Camp}\"}}", Ct), s => s.Count > 0, TimeSpan.FromSeconds(20), "the tap count in the archive");
        var tapSeries = Assert.Single(taps);
        Assert.Equal(("point", "p1"), (tapSeries.Label("kind"), tapSeries.Label("point")));
        Assert.Equal(4, Assert.Single(tapSeries.Values));
    }
}
