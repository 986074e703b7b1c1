using System.Globalization;
using CampWater.Dashboard.Auth;
using CampWater.Grains;
using CampWater.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampWater.Dashboard.Api;

/// <summary>A camp's population over time, and the rules of its network of tanks: the README's "How CampWater counts water".</summary>
internal static class PopulationEndpoints
{
    public static void MapPopulationEndpoints(this IEndpointRouteBuilder app)
    {
        var camps = app.MapGroup("/api/camps").RequireAuthorization(Roles.ReadPolicy);
        camps.MapGet("/{campId}/population", GetPopulation);
        camps.MapPut("/{campId}/population", PutPopulation).RequireAuthorization(Roles.ConfigurePolicy);
    }

    /// <summary>
    /// The problem, naming <c>feeds</c>, with the network that <paramref name="tanks"/> make; null when it holds.
    /// A tank body names the field as it wrote it; a camp body the tank it is in.
    /// </summary>
    public static IResult? NetworkProblem(IReadOnlyList<TankConfig> tanks, string? onlyTank = null)
    {
        var problems = WaterNetworkRules.Problems(tanks);
        var problem = onlyTank is null ? problems.FirstOrDefault() : problems.FirstOrDefault(p => p.TankId == onlyTank);
        if (problem.Reason is null && onlyTank is not null && problems.Count > 0)
        {
            // The tank's new feeds closed a cycle first seen at another tank of it.
            problem = problems[0];
        }

        return problem.Reason is null
            ? null
            : Problems.Invalid(onlyTank is null ? $"tanks[{problem.TankId}].feeds" : WaterNetworkRules.Field, $"tank '{problem.TankId}' {problem.Reason}");
    }

    /// <summary>The camp's tanks with <paramref name="changed"/> in place of (or beside) the tank of the same id.</summary>
    public static TankConfig[] WithTanks(CampConfig current, IReadOnlyList<TankConfig> changed)
    {
        var named = changed.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        return [.. current.Tanks.Select(t => changed.FirstOrDefault(c => c.Id == t.Id) ?? t), .. changed.Where(c => !current.Tanks.Any(t => t.Id == c.Id))];
    }

    private static async Task<IResult> GetPopulation(string campId, IGrainFactory grains)
    {
        var config = Ids.IsValid(campId) ? await grains.GetGrain<ICampGrain>(campId).GetConfig() : null;
        return config is null ? Problems.NotFound($"There is no camp '{campId}'.") : Results.Ok(List(config));
    }

    private static async Task<IResult> PutPopulation(string campId, HttpRequest request, IGrainFactory grains)
    {
        var camp = Ids.IsValid(campId) ? grains.GetGrain<ICampGrain>(campId) : null;
        if (camp is null || await camp.GetConfig() is null)
        {
            return Problems.NotFound($"There is no camp '{campId}'.");
        }

        var body = await CampEndpoints.ReadBody(request);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var change = RegistryReader.ReadPopulationChange(body.Json);
        if (!change.IsValid)
        {
            return Problems.Invalid(change.Problems);
        }

        await camp.SetPopulation(change.Value!, AlertEndpoints.ActorOf(request.HttpContext.User));
        return Results.Ok(List((await camp.GetConfig())!));
    }

    private static object[] List(CampConfig config) =>
        [
            new { from = (string?)null, population = config.BasePopulation },
            .. (config.PopulationHistory.IsDefault ? [] : config.PopulationHistory)
                .Select(c => new { from = (string?)c.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), population = c.Population }),
        ];
}
