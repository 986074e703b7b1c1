using CampWater.Dashboard.Auth;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Services;
using CampWater.Water;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampWater.Dashboard.Api;

/// <summary>
/// A camp's services: water quality tests, water points and their tap counts, sanitation counts. Field staff
/// (field, engineer, admin) record; engineers define water points; everyone reads.
/// </summary>
internal static class ServiceEndpoints
{
    public static void MapServiceEndpoints(this IEndpointRouteBuilder app)
    {
        var camps = app.MapGroup("/api/camps/{campId}").RequireAuthorization(Roles.ReadPolicy);
        camps.MapGet("/quality", GetQuality);
        camps.MapGet("/quality/limits", GetQualityLimits);
        camps.MapPost("/quality", PostQuality).RequireAuthorization(Roles.ActPolicy);
        camps.MapGet("/points", GetPoints);
        camps.MapPut("/points/{pointId}", PutPoint).RequireAuthorization(Roles.ConfigurePolicy);
        camps.MapPost("/points/{pointId}/status", PostTapCount).RequireAuthorization(Roles.ActPolicy);
        camps.MapGet("/sanitation", GetSanitation);
        camps.MapPut("/sanitation", PutSanitation).RequireAuthorization(Roles.ActPolicy);
    }

    /// <summary>
    /// The water points of a camp body whose tanks are not all in the body: each point's tank must be one of
    /// the body's or one the camp has. Null when they all are.
    /// </summary>
    public static IResult? UnknownPointTanks(CampConfig body, CampConfig? current)
    {
        var tanks = body.Tanks.Select(t => t.Id).Concat(current?.Tanks.Select(t => t.Id) ?? []).ToHashSet(StringComparer.Ordinal);
        var points = body.Services?.Points ?? [];
        for (var i = 0; i < points.Length; i++)
        {
            if (points[i].TankId is { } tankId && !tanks.Contains(tankId))
            {
                return Problems.Invalid($"points[{i}].tankId", $"must be a tank of the camp; there is no tank '{tankId}'");
            }
        }

        return null;
    }

    private static async Task<IResult> GetQuality(string campId, string? from, string? to, IGrainFactory grains, TimeProvider clock)
    {
        if (await ConfigOf(campId, grains) is not { } config)
        {
            return NoCamp(campId);
        }

        var range = ListRange.Parse(from, to, CampCalendar.Zone(config.TimeZone), clock.GetUtcNow());
        return range.Problem ?? Results.Ok(await grains.GetGrain<IServicesGrain>(campId).GetQuality(range.From, range.To));
    }

    /// <summary>The limits in force, the chlorine minimum worked out (the camp's own, else the outbreak's, else the standard's).</summary>
    private static async Task<IResult> GetQualityLimits(string campId, IGrainFactory grains)
    {
        if (await ConfigOf(campId, grains) is not { } config)
        {
            return NoCamp(campId);
        }

        var q = config.ServicesOrDefault.Quality;
        return Results.Ok(new
        {
            frcMinMgL = q.EffectiveFrcMinMgL,
            q.FrcMaxMgL,
            q.TurbidityMaxNtu,
            q.PhMin,
            q.PhMax,
            q.Outbreak,
            ownFrcMin = q.FrcMinMgL is not null,
            config.ServicesOrDefault.MaxPeoplePerTap,
            config.ServicesOrDefault.MaxPeoplePerLatrine,
        });
    }

    private static async Task<IResult> PostQuality(string campId, HttpRequest request, IGrainFactory grains, TimeProvider clock)
    {
        if (await ConfigOf(campId, grains) is null)
        {
            return NoCamp(campId);
        }

        var body = await CampEndpoints.ReadBody(request);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var test = ServiceBodies.ReadQualityTest(body.Json, AlertEndpoints.ActorOf(request.HttpContext.User), clock.GetUtcNow());
        if (!test.IsValid)
        {
            return Problems.Invalid(test.Problems);
        }

        var reading = test.Value!;
        var result = await grains.GetGrain<IServicesGrain>(campId).RecordQuality(reading);
        return result.Outcome switch
        {
            QualityOutcome.UnknownPlace when reading.PointId is { } pointId => Problems.Invalid("pointId", $"camp '{campId}' has no water point '{pointId}'"),
            QualityOutcome.UnknownPlace => Problems.Invalid("tankId", $"camp '{campId}' has no tank '{reading.TankId}'"),
            // The same test sent twice (a retry on a poor link) is the test already recorded.
            QualityOutcome.Duplicate => Results.Ok(result.Test),
            _ => Results.Created($"/api/camps/{campId}/quality?from={result.Test!.Ts.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}", result.Test),
        };
    }

    private static async Task<IResult> GetPoints(string campId, IGrainFactory grains) =>
        await ConfigOf(campId, grains) is null ? NoCamp(campId) : Results.Ok(await grains.GetGrain<IServicesGrain>(campId).GetPoints());

    private static async Task<IResult> PutPoint(string campId, string pointId, HttpRequest request, IGrainFactory grains)
    {
        if (await ConfigOf(campId, grains) is not { } config)
        {
            return NoCamp(campId);
        }

        if (!Ids.IsValid(pointId))
        {
            return Problems.Invalid("id", RegistryId.Rule);
        }

        var body = await CampEndpoints.ReadBody(request);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var point = RegistryReader.ReadPoint(pointId, body.Json, config.Tanks.Select(t => t.Id).ToHashSet(StringComparer.Ordinal));
        if (!point.IsValid)
        {
            return Problems.Invalid(point.Problems);
        }

        await grains.GetGrain<ICampGrain>(campId).ConfigurePoint(point.Value!, AlertEndpoints.ActorOf(request.HttpContext.User));
        var points = await grains.GetGrain<IServicesGrain>(campId).GetPoints();
        return Results.Ok(points.Single(p => p.Id == pointId));
    }

    private static async Task<IResult> PostTapCount(string campId, string pointId, HttpRequest request, IGrainFactory grains)
    {
        if (await ConfigOf(campId, grains) is null)
        {
            return NoCamp(campId);
        }

        var services = grains.GetGrain<IServicesGrain>(campId);
        var point = Ids.IsValid(pointId) ? (await services.GetPoints()).FirstOrDefault(p => p.Id == pointId) : null;
        if (point is null)
        {
            return Problems.NotFound($"There is no water point '{pointId}' in camp '{campId}'.");
        }

        var body = await CampEndpoints.ReadBody(request);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var count = ServiceBodies.ReadTapCount(body.Json, point.Taps, AlertEndpoints.ActorOf(request.HttpContext.User));
        if (!count.IsValid)
        {
            return Problems.Invalid(count.Problems);
        }

        var counted = await services.RecordTapCount(pointId, count.Value!);
        return counted is null ? Problems.NotFound($"There is no water point '{pointId}' in camp '{campId}'.") : Results.Ok(counted);
    }

    /// <summary>The last counts, or JSON <c>null</c> while nobody (and no registry) has given any.</summary>
    private static async Task<IResult> GetSanitation(string campId, IGrainFactory grains)
    {
        if (await ConfigOf(campId, grains) is null)
        {
            return NoCamp(campId);
        }

        var sanitation = await grains.GetGrain<IServicesGrain>(campId).GetSanitation();
        return sanitation is null ? Results.Text("null", "application/json") : Results.Ok(sanitation);
    }

    private static async Task<IResult> PutSanitation(string campId, HttpRequest request, IGrainFactory grains)
    {
        if (await ConfigOf(campId, grains) is null)
        {
            return NoCamp(campId);
        }

        var body = await CampEndpoints.ReadBody(request);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var counts = ServiceBodies.ReadSanitation(body.Json);
        return counts.IsValid
            ? Results.Ok(await grains.GetGrain<IServicesGrain>(campId).RecordSanitation(counts.Value!, AlertEndpoints.ActorOf(request.HttpContext.User)))
            : Problems.Invalid(counts.Problems);
    }

    private static async Task<CampConfig?> ConfigOf(string campId, IGrainFactory grains) =>
        Ids.IsValid(campId) ? await grains.GetGrain<ICampGrain>(campId).GetConfig() : null;

    private static IResult NoCamp(string campId) => Problems.NotFound($"There is no camp '{campId}'.");
}
