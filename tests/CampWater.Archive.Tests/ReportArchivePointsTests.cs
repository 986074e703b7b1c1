using System.Collections.Immutable;
using CampWater.Reports;
using CampWater.Silo.Archive;

namespace CampWater.ArchiveTests;

/// <summary>A camp's monthly report card as a point of the <c>camp_report</c> measurement.</summary>
public sealed class ReportArchivePointsTests
{
    private static CampReport November(bool inProgress, double? perTap) => new(
        "atmeh-3", "Atmeh 3", "2026-11", "Asia/Damascus", inProgress, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
        1500, 20, 30, 28, 17, 14, 14, 0.95, perTap, perTap, 50, 250, 50, 4, 66.7, 50, 100,
        new ReportDeliveries(3, 69.6, 23000, 16000),
        new ReportAlerts(4, ImmutableSortedDictionary<string, int>.Empty.Add("low-level", 1), 3, 3, 12, 95, 30, 200),
        95, [], ImmutableSortedDictionary<string, string>.Empty);

    [Fact]
    public void November_in_Damascus_is_one_point_at_21_00_UTC_on_31_October_with_lpdMean_17_and_mtta_12()
    {
        var line = ArchivePoints.Report(November(false, 250));

        var monthStart = new DateTimeOffset(2026, 10, 31, 21, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.StartsWith("camp_report,camp=atmeh-3 ", line, StringComparison.Ordinal);
        Assert.EndsWith($" {monthStart}", line, StringComparison.Ordinal);
        foreach (var field in new[] { "lpdMean=17", "daysJudged=28i", "daysBelow15=14i", "mttaMinutes=12", "mttrMinutes=95", "mttrP90Minutes=200", "peoplePerUsableTap=250", "verifiedPct=69.6", "inProgress=false", "month=\"2026-11\"", "population=1500i", "sensorUptimePct=95" })
        {
            Assert.Contains(field, line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_month_with_no_taps_registered_leaves_people_per_tap_out_of_the_point_rather_than_writing_0()
    {
        var line = ArchivePoints.Report(November(true, null));

        Assert.DoesNotContain("peoplePerUsableTap", line, StringComparison.Ordinal);
        Assert.Contains("inProgress=true", line, StringComparison.Ordinal);
    }
}
