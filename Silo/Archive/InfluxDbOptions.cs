namespace CampWater.Silo.Archive;

/// <summary><c>CampWater:Archive:InfluxDb</c>: the InfluxDB 2.x write API, or any server that speaks <c>/api/v2/write</c>.</summary>
public sealed class InfluxDbOptions
{
    /// <summary>The server's base URL, such as <c>http://influxdb:8086</c>.</summary>
    public string? Url { get; set; }

    /// <summary>An API token with write access to <see cref="Bucket"/>.</summary>
    public string? Token { get; set; }

    public string? Org { get; set; }

    public string? Bucket { get; set; }
}
