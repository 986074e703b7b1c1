using CampWater.Silo.Hosting;
using InfluxDB.Client;
using InfluxDB.Client.Core.Exceptions;
using Microsoft.Extensions.Options;

namespace CampWater.Silo.Archive;

/// <summary>
/// Writes batches through InfluxDB.Client's asynchronous write API (<c>POST /api/v2/write</c>). The
/// client's own background batching is not used: its give-up after its retries would drop points, so
/// buffering and retrying belong to <see cref="ArchiveWriter"/>.
/// </summary>
public sealed class InfluxPointWriter : IPointWriter, IDisposable
{
    private readonly InfluxDBClient _client;
    private readonly WriteApiAsync _write;
    private readonly string _bucket;
    private readonly string _org;

    public InfluxPointWriter(IOptions<CampWaterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var influx = options.Value.Archive.InfluxDb;
        _bucket = influx.Bucket!;
        _org = influx.Org!;
        var builder = new InfluxDBClientOptions.Builder()
            .Url(influx.Url!)
            .Org(_org)
            .Bucket(_bucket)
            .TimeOut(TimeSpan.FromSeconds(30));
        if (!string.IsNullOrEmpty(influx.Token))
        {
            builder.AuthenticateToken(influx.Token);
        }

        _client = new InfluxDBClient(builder.Build());
        _write = _client.GetWriteApiAsync();
    }

    public async Task WriteAsync(IReadOnlyList<string> lines, CancellationToken cancellationToken)
    {
        try
        {
            await _write.WriteRecordsAsync(lines, ArchivePoints.Precision, _bucket, _org, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpException e) when (e.Status is 400 or 413 or 422)
        {
            throw new PointsRejectedException($"{e.Status}: {e.Message}", e);
        }
    }

    public void Dispose() => _client.Dispose();
}
