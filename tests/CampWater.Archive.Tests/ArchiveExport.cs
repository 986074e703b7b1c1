using CampWater.Testing;

namespace CampWater.ArchiveTests;

internal static class ArchiveExport
{
    /// <summary>
    /// The series of a selector once they hold at least <paramref name="points"/> samples: the server
    /// answers a write before every sample shows in an export, even after a flush.
    /// </summary>
    public static Task<IReadOnlyList<ExportedSeries>> SeriesAsync(this VictoriaMetricsServer server, string match, int points, CancellationToken cancellationToken) =>
        Eventually.ValueAsync(
            () => server.ExportSeriesAsync(match, cancellationToken),
            series => series.Sum(s => s.Timestamps.Count) >= points,
            TimeSpan.FromSeconds(30),
            $"{points} samples of {match}");
}
