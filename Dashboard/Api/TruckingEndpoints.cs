using System.Globalization;
using System.Text;
using CampWater.Dashboard.Auth;
using CampWater.Dashboard.Metrics;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Trucking;
using CampWater.Water;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampWater.Dashboard.Api;

/// <summary>
/// Water trucking: the deliveries each camp's tanks showed, the contractors' vouchers (entered by field staff,
/// engineers and admins), and the month's report per contractor across camps.
/// </summary>
internal static class TruckingEndpoints
{
    public static void MapTruckingEndpoints(this IEndpointRouteBuilder app)
    {
        var camps = app.MapGroup("/api/camps/{campId}").RequireAuthorization(Roles.ReadPolicy);
        camps.MapGet("/deliveries", GetDeliveries);
        camps.MapGet("/vouchers", GetVouchers);
        camps.MapPost("/vouchers", PostVoucher).RequireAuthorization(Roles.ActPolicy);
        app.MapGet("/api/contractors", GetContractors).RequireAuthorization(Roles.ReadPolicy);
        app.MapGet("/api/contractors.csv", GetContractorsCsv).RequireAuthorization(Roles.ExportPolicy);
    }

    private static async Task<IResult> GetDeliveries(string campId, string? from, string? to, string? tankId, IGrainFactory grains, TimeProvider clock)
    {
        if (await ConfigOf(campId, grains) is not { } config)
        {
            return NoCamp(campId);
        }

        var range = ListRange.Parse(from, to, CampCalendar.Zone(config.TimeZone), clock.GetUtcNow());
        if (range.Problem is not null)
        {
            return range.Problem;
        }

        var deliveries = await grains.GetGrain<ITruckingGrain>(campId).GetDeliveries(range.From, range.To);
        return Results.Ok(tankId is null ? deliveries : deliveries.Where(d => d.TankId == tankId).ToArray());
    }

    private static async Task<IResult> GetVouchers(string campId, string? from, string? to, IGrainFactory grains, TimeProvider clock)
    {
        if (await ConfigOf(campId, grains) is not { } config)
        {
            return NoCamp(campId);
        }

        var range = ListRange.Parse(from, to, CampCalendar.Zone(config.TimeZone), clock.GetUtcNow());
        return range.Problem ?? Results.Ok(await grains.GetGrain<ITruckingGrain>(campId).GetVouchers(range.From, range.To));
    }

    private static async Task<IResult> PostVoucher(string campId, HttpRequest request, IGrainFactory grains, TimeProvider clock, VoucherMetrics metrics)
    {
        if (await ConfigOf(campId, grains) is null)
        {
            return NoCamp(campId);
        }

        var body = await CampEndpoints.ReadBody(request);
        if (body.Problem is not null)
        {
            metrics.Count("invalid", "body");
            return body.Problem;
        }

        var entry = VoucherBody.Read(body.Json, AlertEndpoints.ActorOf(request.HttpContext.User), clock.GetUtcNow());
        if (!entry.IsValid)
        {
            metrics.Count("invalid", entry.Problems[0].Field);
            return Problems.Invalid(entry.Problems);
        }

        var result = await grains.GetGrain<ITruckingGrain>(campId).AddVoucher(entry.Value!);
        switch (result.Outcome)
        {
            case VoucherOutcome.UnknownTank:
                metrics.Count("invalid", "tankId");
                return Problems.Invalid("tankId", $"camp '{campId}' has no tank '{entry.Value!.TankId}'");
            case VoucherOutcome.Duplicate:
                metrics.Count("duplicate");
                return Problems.Conflict(
                    $"Contractor '{result.Voucher!.Contractor}' already has voucher '{result.Voucher.VoucherNo}' ({result.Voucher.Id}, {result.Voucher.Litres:0} L on {result.Voucher.DeliveredAt:yyyy-MM-dd HH:mm} UTC).");
            default:
                metrics.Count("recorded");
                return Results.Created($"/api/camps/{campId}/vouchers?from={result.Voucher!.DeliveredAt.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}", result.Voucher);
        }
    }

    private static async Task<IResult> GetContractors(string? month, IGrainFactory grains, TimeProvider clock)
    {
        var report = await Report(month, grains, clock);
        return report.Problem ?? Results.Ok(report.Figures);
    }

    private static async Task<IResult> GetContractorsCsv(string? month, IGrainFactory grains, TimeProvider clock)
    {
        var report = await Report(month, grains, clock);
        if (report.Problem is not null)
        {
            return report.Problem;
        }

        var csv = new StringBuilder("contractor,vouchers,billedL,verifiedL,shortL,unverified,verifiedPct\n");
        foreach (var f in report.Figures!)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{Cell(f.Contractor)},{f.Vouchers},{f.BilledL:0.#},{f.VerifiedL:0.#},{f.ShortL:0.#},{f.Unverified},{f.VerifiedPct:0.#}\n");
        }

        return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", $"contractors-{report.Month}.csv");
    }

    /// <summary>Every camp's vouchers of the month, each camp's month in its own zone, summed per contractor.</summary>
    private static async Task<(ContractorFigures[]? Figures, string Month, IResult? Problem)> Report(string? month, IGrainFactory grains, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        month ??= now.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return (null, month, Problems.Invalid("month", "must be a month YYYY-MM, such as 2026-11"));
        }

        var ids = await grains.GetGrain<IRegistryGrain>(0).GetCampIds();
        var vouchers = await Task.WhenAll(ids.Select(async id =>
        {
            var config = await grains.GetGrain<ICampGrain>(id).GetConfig();
            if (config is null)
            {
                return [];
            }

            var zone = CampCalendar.Zone(config.TimeZone);
            var start = CampCalendar.DayBounds(first, zone).Start;
            var end = CampCalendar.DayBounds(first.AddMonths(1), zone).Start;
            var list = await grains.GetGrain<ITruckingGrain>(id).GetVouchers(start, end);
            return list.Where(v => v.DeliveredAt < end).ToArray();
        }));
        return (ContractorReport.Of(vouchers.SelectMany(v => v)), month, null);
    }

    /// <summary>A CSV cell: quoted when it holds a comma, a quote or a line break; a leading formula sign defused.</summary>
    private static string Cell(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static async Task<CampConfig?> ConfigOf(string campId, IGrainFactory grains) =>
        Ids.IsValid(campId) ? await grains.GetGrain<ICampGrain>(campId).GetConfig() : null;

    private static IResult NoCamp(string campId) => Problems.NotFound($"There is no camp '{campId}'.");
}
