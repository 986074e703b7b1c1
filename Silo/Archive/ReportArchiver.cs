using CampWater.Archive;
using CampWater.Dashboard.Reports;
using CampWater.Grains;

namespace CampWater.Silo.Archive;

/// <summary>
/// Sends each camp's monthly report card to the archive (a <c>camp_report</c> point per camp and month): the month
/// in progress at every coverage interval, and the month before once per start, so that the point of a month that
/// has ended holds its final figures however long the silo was down at the turn of the month.
/// </summary>
public sealed partial class ReportArchiver(IGrainFactory grains, IArchive archive, TimeProvider clock, ILogger<ReportArchiver> logger) : BackgroundService
{
    private readonly Dictionary<string, string> _finished = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (archive.CoverageInterval is not { } interval)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await ArchiveOnce();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Every camp's month in progress, and the month before where this process has not sent it.</summary>
    public async Task ArchiveOnce()
    {
        var now = clock.GetUtcNow();
        foreach (var id in await grains.GetGrain<IRegistryGrain>(0).GetCampIds())
        {
            var config = await grains.GetGrain<ICampGrain>(id).GetConfig();
            if (config is null)
            {
                continue;
            }

            var today = Water.CampCalendar.LocalDate(now, Water.CampCalendar.Zone(config.TimeZone));
            var current = new DateOnly(today.Year, today.Month, 1);
            var previous = current.AddMonths(-1);
            if (_finished.GetValueOrDefault(id) != previous.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)
                && await CampReports.Make(grains, config, previous, now) is { } ended)
            {
                archive.ReportMade(ended);
                _finished[id] = ended.Month;
            }

            if (await CampReports.Make(grains, config, current, now) is { } running)
            {
                archive.ReportMade(running);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The monthly reports were not archived this time: {Reason}")]
    private partial void LogFailed(string reason);
}
