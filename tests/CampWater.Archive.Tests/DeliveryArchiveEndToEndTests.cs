using System.Text;
using CampWater.Testing;

namespace CampWater.ArchiveTests;

/// <summary>Trucking vouchers reach the archive server (a real VictoriaMetrics) as <c>delivery</c> points, as readings do.</summary>
public sealed class DeliveryArchiveEndToEndTests(BulkArchiveFixture host) : IClassFixture<BulkArchiveFixture>
{
    private const string Camp = ArchiveRegistry.ServicesCamp;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_voucher_of_8000_L_entered_through_the_API_is_archived_at_its_time_as_a_delivery_point_of_kind_voucher()
    {
        var at = Readings.ToMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-10));
        using var posted = await host.Http.PostAsync($"/api/camps/{Camp}/vouchers", new StringContent($$"""
            { "tankId": "q1", "deliveredAt": "{{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}}", "litres": 8000, "contractor": "Archive Water", "truck": "TR-1", "voucherNo": "AR-1", "frcMgL": 0.4 }
            """, Encoding.UTF8, "application/json"), Ct);
        posted.EnsureSuccessStatusCode();

        var litres = await Eventually.ValueAsync(
            () => host.Archive.ExportSeriesAsync($"{{__name__=\"delivery_litres\",camp=\"{Camp}\",kind=\"voucher\"}}", Ct), s => s.Count > 0, TimeSpan.FromSeconds(20), "the voucher in the archive");
        var series = Assert.Single(litres);
        Assert.Equal("q1", series.Label("tank"));
        var point = Assert.Single(series.Points);
        Assert.Equal((at, 8000.0), (point.At, point.Value));
        var frc = Assert.Single(await host.Archive.ExportSeriesAsync($"{{__name__=\"delivery_frcMgL\",camp=\"{Camp}\"}}", Ct));
        Assert.Equal(0.4, Assert.Single(frc.Values));
    }
}
