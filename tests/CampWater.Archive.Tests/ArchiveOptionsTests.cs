using CampWater.Silo.Hosting;

namespace CampWater.ArchiveTests;

public sealed class ArchiveOptionsTests
{
    [Fact]
    public void The_influxdb_archive_without_url_org_and_bucket_stops_the_start_naming_each_key()
    {
        var e = Assert.Throws<StartupException>(() => CampWaterHost.Build(["--CampWater:Archive:Provider", "influxdb"]));

        Assert.Contains("CampWater:Archive:InfluxDb:Url", e.Message, StringComparison.Ordinal);
        Assert.Contains("CampWater:Archive:InfluxDb:Org", e.Message, StringComparison.Ordinal);
        Assert.Contains("CampWater:Archive:InfluxDb:Bucket", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BufferSize", "10", "CampWater:Archive:BufferSize is 10")]
    [InlineData("BatchSize", "0", "CampWater:Archive:BatchSize is 0")]
    [InlineData("RetryMaxSeconds", "0", "CampWater:Archive:RetryMaxSeconds is 0")]
    [InlineData("FlushIntervalSeconds", "-1", "CampWater:Archive:FlushIntervalSeconds is -1")]
    [InlineData("CoverageIntervalSeconds", "0", "CampWater:Archive:CoverageIntervalSeconds is 0")]
    public void An_out_of_range_archive_setting_stops_the_start_naming_it(string key, string value, string message)
    {
        var e = Assert.Throws<StartupException>(() => CampWaterHost.Build(
        [
            "--CampWater:Archive:Provider", "influxdb",
            "--CampWater:Archive:InfluxDb:Url", "http://127.0.0.1:8086",
            "--CampWater:Archive:InfluxDb:Org", "o",
            "--CampWater:Archive:InfluxDb:Bucket", "b",
            $"--CampWater:Archive:{key}", value,
        ]));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_archive_provider_stops_the_start()
    {
        var e = Assert.Throws<StartupException>(() => CampWaterHost.Build(["--CampWater:Archive:Provider", "influx"]));

        Assert.Contains("CampWater:Archive:Provider is 'influx'", e.Message, StringComparison.Ordinal);
    }
}
