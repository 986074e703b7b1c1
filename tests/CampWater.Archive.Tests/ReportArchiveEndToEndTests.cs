using CampWater.Testing;
using CampWater.Water;

namespace CampWater.ArchiveTests;

/// <summary>The month's report card reaches the archive server (a real VictoriaMetrics) as a <c>camp_report</c> point.</summary>
public sealed class ReportArchiveEndToEndTests(BulkArchiveFixture host) : IClassFixture<BulkArchiveFixture>
{
    private const string Camp = ArchiveRegistry.ServicesCamp;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_month_in_progress_of_a_camp_of_1000_people_is_archived_at_the_start_of_its_Damascus_month_with_population_1000()
    {
        var zone = CampCalendar.Zone("Asia/Damascus");
        var today = CampCalendar.LocalDate(DateTimeOffset.UtcNow, zone);
        var monthStart = CampCalendar.DayBounds(new DateOnly(today.Year, today.Month, 1), zone).Start;

        var population = await Eventually.ValueAsync(
            () => host.Archive.ExportSeriesAsync($"{{__name__=\"camp_report_population\",camp=\"{Camp}\"}}", Ct), s => s.Count > 0, TimeSpan.FromSeconds(30), "the camp's report in the archive");
        var series = Assert.Single(population);
        var point = Assert.Single(series.Points, p => p.At == monthStart);
        Assert.Equal(1000.0, point.Value);
        var inProgress = Assert.Single(await host.Archive.ExportSeriesAsync($"{{__name__=\"camp_report_inProgress\",camp=\"{Camp}\"}}", Ct));
        Assert.Contains(inProgress.Points, p => p.At == monthStart && p.Value == 1);
    }
}
