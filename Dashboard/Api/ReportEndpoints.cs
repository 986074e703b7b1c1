using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampWater.Dashboard.Auth;
using CampWater.Dashboard.Hosting;
using CampWater.Dashboard.Reports;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Reports;
using CampWater.Water;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampWater.Dashboard.Api;

/// <summary>
/// The monthly report card (the README's "The monthly report card"), per camp and for every camp, as JSON and CSV. An export like the
/// coverage CSV: managers and admins.
/// </summary>
internal static class ReportEndpoints
{
    private const string MonthFormat = "must be a month YYYY-MM, such as 2026-11";

    public static void MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/camps/{campId}/report", GetReport).RequireAuthorization(Roles.ExportPolicy);
        app.MapGet("/api/camps/{campId}/report.csv", GetReportCsv).RequireAuthorization(Roles.ExportPolicy);
        app.MapGet("/api/reports", GetReports).RequireAuthorization(Roles.ExportPolicy);
        app.MapGet("/api/reports.csv", GetReportsCsv).RequireAuthorization(Roles.ExportPolicy);
    }

    private static async Task<IResult> GetReport(string campId, string? month, IGrainFactory grains, TimeProvider clock)
    {
        var (report, problem) = await One(campId, month, grains, clock);
        return problem ?? Results.Json(View(report!), CampWaterJson.Options);
    }

    private static async Task<IResult> GetReportCsv(string campId, string? month, IGrainFactory grains, TimeProvider clock)
    {
        var (report, problem) = await One(campId, month, grains, clock);
        return problem ?? Csv([report!], $"report-{report!.CampId}-{report.Month}.csv");
    }

    private static async Task<IResult> GetReports(string? month, IGrainFactory grains, TimeProvider clock)
    {
        var (reports, problem) = await All(month, grains, clock);
        return problem ?? Results.Json(new JsonArray([.. reports!.Select(View)]), CampWaterJson.Options);
    }

    private static async Task<IResult> GetReportsCsv(string? month, IGrainFactory grains, TimeProvider clock)
    {
        var (reports, problem) = await All(month, grains, clock);
        return problem ?? Csv(reports!, $"reports-{month ?? clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture)}.csv");
    }

    /// <summary>The report as §13 has it, with the rows of the card (unit, standard, met) that the page and the CSV show.</summary>
    private static JsonNode View(CampReport report)
    {
        var node = JsonSerializer.SerializeToNode(report, CampWaterJson.Options)!;
        node["indicators"] = JsonSerializer.SerializeToNode(ReportIndicators.Rows(report), CampWaterJson.Options);
        return node;
    }

    private static IResult Csv(IEnumerable<CampReport> reports, string name) =>
        Results.File(Encoding.UTF8.GetBytes(ReportCsv.Of(reports)), "text/csv; charset=utf-8", name);

    private static async Task<(CampReport? Report, IResult? Problem)> One(string campId, string? month, IGrainFactory grains, TimeProvider clock)
    {
        var config = Ids.IsValid(campId) ? await grains.GetGrain<ICampGrain>(campId).GetConfig() : null;
        if (config is null)
        {
            return (null, Problems.NotFound($"There is no camp '{campId}'."));
        }

        var now = clock.GetUtcNow();
        var zone = CampCalendar.Zone(config.TimeZone);
        var first = ThisMonth(CampCalendar.LocalDate(now, zone));
        if (month is not null && !ReportMonth.TryParse(month, out first))
        {
            return (null, Problems.Invalid("month", MonthFormat));
        }

        var report = await CampReports.Make(grains, config, first, now);
        return report is null
            ? (null, Problems.Invalid("month", $"{month} has not begun in the camp's time zone ({config.TimeZone})"))
            : (report, null);
    }

    private static async Task<(CampReport[]? Reports, IResult? Problem)> All(string? month, IGrainFactory grains, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var first = ThisMonth(DateOnly.FromDateTime(now.UtcDateTime));
        if (month is not null && !ReportMonth.TryParse(month, out first))
        {
            return (null, Problems.Invalid("month", MonthFormat));
        }

        var ids = await grains.GetGrain<IRegistryGrain>(0).GetCampIds();
        var configs = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampGrain>(id).GetConfig()));
        var reports = await Task.WhenAll(configs.OfType<CampConfig>().Select(c => CampReports.Make(grains, c, first, now)));
        var begun = reports.OfType<CampReport>().OrderBy(r => r.Name, StringComparer.CurrentCulture).ToArray();
        return begun.Length == 0 && configs.Length > 0
            ? (null, Problems.Invalid("month", $"{month} has not begun in any camp's time zone"))
            : (begun, null);
    }

    private static DateOnly ThisMonth(DateOnly today) => new(today.Year, today.Month, 1);
}
