using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CampWater.Dashboard.Auth;
using CampWater.Grains;
using CampWater.Registry;
using CampWater.Status;
using CampWater.Water;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampWater.Dashboard.Api;

/// <summary>Camps, tanks, levels and coverage: docs/api.md.</summary>
internal static class CampEndpoints
{
    public const int MaxLevelPoints = 1000;
    public const int MaxCoverageDays = 400;
    private static readonly TimeSpan DefaultLevelsRange = TimeSpan.FromHours(24);
    private const int DefaultCoverageDays = 30;
    private const int DefaultChanges = 100;
    private const int MaxChanges = 500;

    public static void MapCampEndpoints(this IEndpointRouteBuilder app)
    {
        var camps = app.MapGroup("/api/camps").RequireAuthorization(Roles.ReadPolicy);
        camps.MapGet("/", ListCamps);
        camps.MapGet("/{campId}", GetCamp);
        camps.MapPut("/{campId}", PutCamp).RequireAuthorization(Roles.ConfigurePolicy);
        camps.MapGet("/{campId}/config", GetCampConfig);
        camps.MapGet("/{campId}/tanks/{tankId}", GetTank);
        camps.MapPut("/{campId}/tanks/{tankId}", PutTank).RequireAuthorization(Roles.ConfigurePolicy);
        camps.MapGet("/{campId}/tanks/{tankId}/config", GetTankConfig);
        camps.MapGet("/{campId}/tanks/{tankId}/levels", GetLevels);
        camps.MapGet("/{campId}/coverage", GetCoverage);
        camps.MapGet("/{campId}/coverage.csv", GetCoverageCsv).RequireAuthorization(Roles.ExportPolicy);
        camps.MapGet("/{campId}/changes", GetChanges);
    }

    private static async Task<IResult> ListCamps(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IRegistryGrain>(0).GetCampIds();
        var summaries = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampGrain>(id).GetSummary()));
        return Results.Ok(summaries.OfType<CampSummary>().OrderBy(c => c.Name, StringComparer.CurrentCulture).ToArray());
    }

    private static async Task<IResult> GetCamp(string campId, IGrainFactory grains)
    {
        if (!Ids.IsValid(campId))
        {
            return Problems.NotFound($"There is no camp '{campId}'.");
        }

        var detail = await grains.GetGrain<ICampGrain>(campId).GetDetail();
        return detail is null ? Problems.NotFound($"There is no camp '{campId}'.") : Results.Ok(detail);
    }

    private static async Task<IResult> GetCampConfig(string campId, IGrainFactory grains)
    {
        var config = Ids.IsValid(campId) ? await grains.GetGrain<ICampGrain>(campId).GetConfig() : null;
        return config is null ? Problems.NotFound($"There is no camp '{campId}'.") : Results.Ok(RegistryWriter.ToJson(config));
    }

    private static async Task<IResult> PutCamp(string campId, HttpRequest request, IGrainFactory grains)
    {
        if (!Ids.IsValid(campId))
        {
            return Problems.Invalid("id", "must be 1–64 characters of a-z, 0-9, '-' and '_'");
        }

        var body = await ReadBody(request);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var camp = RegistryReader.ReadCamp(campId, body.Json);
        if (!camp.IsValid)
        {
            return Problems.Invalid(camp.Problems);
        }

        var grain = grains.GetGrain<ICampGrain>(campId);
        var current = await grain.GetConfig();
        if (ServiceEndpoints.UnknownPointTanks(camp.Value!, current) is { } problem)
        {
            return problem;
        }

        var tanks = current is null ? [.. camp.Value!.Tanks] : PopulationEndpoints.WithTanks(current, camp.Value!.Tanks);
        if (PopulationEndpoints.NetworkProblem(tanks) is { } network)
        {
            return network;
        }

        await grain.Configure(camp.Value!, replaceTanks: false, AlertEndpoints.ActorOf(request.HttpContext.User));
        return Results.Ok(await grain.GetDetail());
    }

    private static async Task<IResult> GetTank(string campId, string tankId, IGrainFactory grains)
    {
        var status = await TankOf(campId, tankId, grains) is { } tank ? await tank.GetStatus() : null;
        return status is null ? Problems.NotFound($"There is no tank '{tankId}' in camp '{campId}'.") : Results.Ok(status);
    }

    private static async Task<IResult> GetTankConfig(string campId, string tankId, IGrainFactory grains)
    {
        var config = await TankOf(campId, tankId, grains) is { } tank ? await tank.GetConfig() : null;
        return config is null ? Problems.NotFound($"There is no tank '{tankId}' in camp '{campId}'.") : Results.Ok(RegistryWriter.ToJson(config));
    }

    private static async Task<IResult> PutTank(string campId, string tankId, HttpRequest request, IGrainFactory grains)
    {
        var camp = Ids.IsValid(campId) ? grains.GetGrain<ICampGrain>(campId) : null;
        if (camp is null || await camp.GetConfig() is null)
        {
            return Problems.NotFound($"There is no camp '{campId}'.");
        }

        if (!Ids.IsValid(tankId))
        {
            return Problems.Invalid("id", "must be 1–64 characters of a-z, 0-9, '-' and '_'");
        }

        var body = await ReadBody(request);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var tank = RegistryReader.ReadTank(tankId, body.Json);
        if (!tank.IsValid)
        {
            return Problems.Invalid(tank.Problems);
        }

        if (PopulationEndpoints.NetworkProblem(PopulationEndpoints.WithTanks((await camp.GetConfig())!, [tank.Value!]), tankId) is { } network)
        {
            return network;
        }

        return Results.Ok(await camp.ConfigureTank(tank.Value!, AlertEndpoints.ActorOf(request.HttpContext.User)));
    }

    private static async Task<IResult> GetLevels(string campId, string tankId, string? from, string? to, IGrainFactory grains, TimeProvider clock)
    {
        var tank = await TankOf(campId, tankId, grains);
        if (tank is null)
        {
            return Problems.NotFound($"There is no tank '{tankId}' in camp '{campId}'.");
        }

        DateTimeOffset end = clock.GetUtcNow(), start;
        if (to is not null && !TryParseInstant(to, out end))
        {
            return Problems.Invalid("to", "must be an ISO-8601 time with an offset, e.g. 2026-11-29T10:15:00Z");
        }

        start = end - DefaultLevelsRange;
        if (from is not null && !TryParseInstant(from, out start))
        {
            return Problems.Invalid("from", "must be an ISO-8601 time with an offset, e.g. 2026-11-29T10:15:00Z");
        }

        if (start > end)
        {
            return Problems.Invalid("from", "must not be after 'to'");
        }

        var points = await tank.GetLevels(start, end, MaxLevelPoints);
        // Each reading as read, beside the filtered estimate that the ledger and alerts used, and whether it was wild.
        return Results.Ok(points.Select(p => new
        {
            ts = p.Ts,
            levelMm = Math.Round(p.LevelMm, 1),
            volumeL = Math.Round(p.VolumeL, 1),
            estimateMm = Math.Round(p.EstimateMm, 1),
            wild = p.Wild,
        }));
    }

    private static async Task<IResult> GetCoverage(string campId, string? from, string? to, IGrainFactory grains, TimeProvider clock)
    {
        var result = await Coverage(campId, from, to, grains, clock);
        return result.Problem ?? Results.Ok(result.Days);
    }

    private static async Task<IResult> GetCoverageCsv(string campId, string? from, string? to, IGrainFactory grains, TimeProvider clock)
    {
        var result = await Coverage(campId, from, to, grains, clock);
        if (result.Problem is not null)
        {
            return result.Problem;
        }

        // A day with no figure or no verdict has an empty cell, never a 0 or a false that reads as a failed day.
        var csv = new StringBuilder("date,population,drawnL,deliveredL,lpd,targetLpd,met,completeness,estimatedL\n");
        foreach (var d in result.Days!)
        {
            var met = d.Met switch { true => "true", false => "false", null => "" };
            csv.Append(CultureInfo.InvariantCulture,
                $"{d.Date:yyyy-MM-dd},{d.Population},{d.DrawnL:0.#},{d.DeliveredL:0.#},{d.Lpd:0.##},{d.TargetLpd:0.##},{met},{d.Completeness:0.####},{d.EstimatedL:0.#}\n");
        }

        return Results.File(
            Encoding.UTF8.GetBytes(csv.ToString()),
            "text/csv; charset=utf-8",
            $"coverage-{campId}-{result.Days!.FirstOrDefault()?.Date:yyyy-MM-dd}-{result.Days!.LastOrDefault()?.Date:yyyy-MM-dd}.csv");
    }

    private static async Task<(DailyCoverage[]? Days, IResult? Problem)> Coverage(
        string campId, string? from, string? to, IGrainFactory grains, TimeProvider clock)
    {
        var camp = Ids.IsValid(campId) ? grains.GetGrain<ICampGrain>(campId) : null;
        var config = camp is null ? null : await camp.GetConfig();
        if (config is null)
        {
            return (null, Problems.NotFound($"There is no camp '{campId}'."));
        }

        var today = CampCalendar.LocalDate(clock.GetUtcNow(), CampCalendar.Zone(config.TimeZone));
        var end = today;
        if (to is not null && !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out end))
        {
            return (null, Problems.Invalid("to", "must be a date YYYY-MM-DD"));
        }

        var start = end.AddDays(-(DefaultCoverageDays - 1));
        if (from is not null && !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            return (null, Problems.Invalid("from", "must be a date YYYY-MM-DD"));
        }

        if (start > end)
        {
            return (null, Problems.Invalid("from", "must not be after 'to'"));
        }

        if (end.DayNumber - start.DayNumber + 1 > MaxCoverageDays)
        {
            return (null, Problems.Invalid("from", $"the range may span at most {MaxCoverageDays} days"));
        }

        return (await camp!.GetCoverage(start, end), null);
    }

    /// <summary>Who changed which fields of the camp and its tanks, newest first; values as JSON values (25, "Tank A").</summary>
    private static async Task<IResult> GetChanges(string campId, string? tankId, string? limit, IGrainFactory grains)
    {
        if (!Ids.IsValid(campId) || await grains.GetGrain<ICampGrain>(campId).GetConfig() is null)
        {
            return Problems.NotFound($"There is no camp '{campId}'.");
        }

        if (tankId is not null && !Ids.IsValid(tankId))
        {
            return Problems.Invalid("tankId", "must be 1–64 characters of a-z, 0-9, '-' and '_'");
        }

        var max = DefaultChanges;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > MaxChanges))
        {
            return Problems.Invalid("limit", $"must be a whole number from 1 to {MaxChanges}");
        }

        var changes = await grains.GetGrain<IChangeLogGrain>(campId).List(tankId, max);
        return Results.Ok(changes.Select(c => new
        {
            c.At,
            c.By,
            c.CampId,
            c.TankId,
            c.Kind,
            Fields = c.Fields.Select(f => new
            {
                f.Field,
                From = JsonValueOf(f.From),
                To = JsonValueOf(f.To),
                f.Since,
                Text = f.Field == "population" ? CampWater.Changes.ConfigDiff.Describe(f) : null,
            }),
        }));

        static JsonNode? JsonValueOf(string? json) => json is null ? null : JsonNode.Parse(json);
    }

    private static async Task<ITankGrain?> TankOf(string campId, string tankId, IGrainFactory grains)
    {
        if (!Ids.IsValid(campId) || !Ids.IsValid(tankId))
        {
            return null;
        }

        var config = await grains.GetGrain<ICampGrain>(campId).GetConfig();
        return config is not null && config.Tanks.Any(t => t.Id == tankId)
            ? grains.GetGrain<ITankGrain>(TankKey.Of(campId, tankId))
            : null;
    }

    private static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        // An instant without an offset is ambiguous across camps' zones: refuse it rather than guess.
        var hasOffset = text.EndsWith('Z') || text.EndsWith('z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant) && hasOffset;
    }

    internal static async Task<(JsonElement Json, IResult? Problem)> ReadBody(HttpRequest request)
    {
        if (request.HasJsonContentType() is false)
        {
            return (default, Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the body as application/json."));
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, Problems.Invalid("(body)", $"is not valid JSON: {e.Message}"));
        }
    }
}
