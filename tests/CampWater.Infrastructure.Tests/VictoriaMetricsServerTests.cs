using System.Net;
using System.Text;
using CampWater.Testing;

namespace CampWater.Infrastructure.Tests;

public sealed class VictoriaMetricsServerTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_line_protocol_point_written_to_api_v2_write_is_exported_with_its_timestamp()
    {
        await using var metrics = await VictoriaMetricsServer.StartAsync(Cancellation);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        using var response = await http.PostAsync(
            $"{metrics.Url}/api/v2/write?org=o&bucket=b&precision=ns",
            new StringContent("tank_level,camp=a,tank=t1 levelMm=1200 1764410100000000000", Encoding.UTF8, "text/plain"),
            Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        var series = Assert.Single(await metrics.ExportSeriesAsync("{__name__=\"tank_level_levelMm\"}", Cancellation));
        Assert.Equal("a", series.Label("camp"));
        Assert.Equal("t1", series.Label("tank"));
        Assert.Equal([1200.0], series.Values);
        Assert.Equal([1_764_410_100_000L], series.Timestamps);
    }
}
