using CampWater.Registry;
using Microsoft.AspNetCore.Http;

namespace CampWater.Dashboard.Api;

/// <summary>RFC 9457 answers: every error says what was wrong and, for bad input, which field.</summary>
internal static class Problems
{
    public static IResult NotFound(string what) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static IResult Invalid(string field, string reason) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = [reason] },
            detail: $"{field}: {reason}",
            title: "Invalid input");

    public static IResult Invalid(IReadOnlyList<RegistryProblem> problems) =>
        Results.ValidationProblem(
            problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray()),
            detail: string.Join("; ", problems.Select(p => p.Message)),
            title: "Invalid input");

    public static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);
}
