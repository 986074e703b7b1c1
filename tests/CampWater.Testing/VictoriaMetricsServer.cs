using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace CampWater.Testing;

/// <summary>
/// A real VictoriaMetrics single-node server (Debian package victoria-metrics) on 127.0.0.1 and a free
/// port. It speaks the InfluxDB line protocol on /api/v2/write, so it stands in for InfluxDB 2.x.
/// </summary>
public sealed class VictoriaMetricsServer : TcpServerProcess
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private VictoriaMetricsServer(string executablePath)
        : base("victoria-metrics", executablePath)
    {
    }

    /// <summary>"http://127.0.0.1:port", the base of /api/v2/write and /api/v1/export.</summary>
    public string Url => $"http://{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    protected override string ReadinessDescription => $"GET {Url}/health answered 200";

    public static async Task<VictoriaMetricsServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new VictoriaMetricsServer(ExecutableLocator.Find("victoria-metrics", "victoria-metrics"));
        try
        {
            await server.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>Makes every point written so far visible to queries and exports.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Http.GetAsync($"{Url}/internal/force_flush", cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "force_flush", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The raw JSON-lines answer of /api/v1/export for a series selector, after a flush.</summary>
    /// <param name="match">A series selector, such as <c>{__name__=~"tank_level.*",camp="a"}</c>.</param>
    public async Task<string> ExportAsync(string match, CancellationToken cancellationToken = default)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        var url = $"{Url}/api/v1/export?match[]={Uri.EscapeDataString(match)}";
        using var response = await Http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "export", cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The series of /api/v1/export for a series selector, after a flush.</summary>
    public async Task<IReadOnlyList<ExportedSeries>> ExportSeriesAsync(string match, CancellationToken cancellationToken = default)
    {
        var text = await ExportAsync(match, cancellationToken).ConfigureAwait(false);
        var series = new List<ExportedSeries>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var metric = root.GetProperty("metric").EnumerateObject()
                .ToDictionary(label => label.Name, label => label.Value.GetString() ?? "");
            var values = root.GetProperty("values").EnumerateArray().Select(ReadNumber).ToList();
            var timestamps = root.GetProperty("timestamps").EnumerateArray().Select(t => t.GetInt64()).ToList();
            series.Add(new ExportedSeries(metric, values, timestamps));
        }

        return series;
    }

    protected override void ConfigureStartInfo(ProcessStartInfo startInfo)
    {
        startInfo.ArgumentList.Add($"-httpListenAddr={Host}:{Port.ToString(CultureInfo.InvariantCulture)}");
        startInfo.ArgumentList.Add($"-storageDataPath={Path.Combine(DataDirectory, "data")}");
        // Tests write points with fixed timestamps that may lie years back.
        startInfo.ArgumentList.Add("-retentionPeriod=100y");
        startInfo.WorkingDirectory = DataDirectory;
    }

    protected override async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(2));
        using var response = await Http.GetAsync($"{Url}/health", attempt.Token).ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    // VictoriaMetrics writes special values as strings ("NaN", "Inf").
    private static double ReadNumber(JsonElement value) =>
        value.ValueKind != JsonValueKind.String
            ? value.GetDouble()
            : value.GetString() switch
            {
                "Inf" or "+Inf" => double.PositiveInfinity,
                "-Inf" => double.NegativeInfinity,
                var text => double.Parse(text!, CultureInfo.InvariantCulture),
            };

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new HttpRequestException(
                $"victoria-metrics {what} answered {(int)response.StatusCode}: {body}{Describe()}", null, response.StatusCode);
        }
    }
}
