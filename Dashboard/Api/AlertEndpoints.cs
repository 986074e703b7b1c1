using System.Globalization;
using System.Text.Json;
using CampWater.Alerts;
using CampWater.Dashboard.Auth;
using CampWater.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampWater.Dashboard.Api;

/// <summary>Alerts across camps and the actions field staff take on them: docs/api.md.</summary>
internal static class AlertEndpoints
{
    /// <summary>Who acts while sign-in is off.</summary>
    public const string Anonymous = "anonymous";

    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").RequireAuthorization(Roles.ReadPolicy);
        alerts.MapGet("/", List);
        alerts.MapGet("/{alertId}", Get);
        alerts.MapGet("/{alertId}/notifications", Notifications);
        var actions = alerts.MapGroup("/").RequireAuthorization(Roles.ActPolicy);
        actions.MapPost("/{alertId}/acknowledge", (string alertId, HttpRequest request, IGrainFactory grains) =>
            Act(alertId, AlertActionKind.Acknowledge, "note", required: false, request, grains));
        actions.MapPost("/{alertId}/assign", (string alertId, HttpRequest request, IGrainFactory grains) =>
            Act(alertId, AlertActionKind.Assign, "assignee", required: true, request, grains));
        actions.MapPost("/{alertId}/comments", (string alertId, HttpRequest request, IGrainFactory grains) =>
            Act(alertId, AlertActionKind.Comment, "text", required: true, request, grains));
        actions.MapPost("/{alertId}/resolve", (string alertId, HttpRequest request, IGrainFactory grains) =>
            Act(alertId, AlertActionKind.Resolve, "note", required: false, request, grains));
    }

    private static async Task<IResult> List(string? campId, string? state, string? since, HttpRequest request, IGrainFactory grains)
    {
        var filterState = AlertStateFilter.Open;
        if (state is not null && !Enum.TryParse(state, ignoreCase: true, out filterState))
        {
            return Problems.Invalid("state", "must be open, resolved or all");
        }

        DateTimeOffset? from = null;
        if (since is not null)
        {
            if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return Problems.Invalid("since", "must be an ISO-8601 time with an offset, e.g. 2026-11-29T10:15:00Z");
            }

            from = parsed;
        }

        string[] camps;
        if (campId is not null)
        {
            if (!Ids.IsValid(campId) || await grains.GetGrain<ICampGrain>(campId).GetConfig() is null)
            {
                return Problems.NotFound($"There is no camp '{campId}'.");
            }

            camps = [campId];
        }
        else
        {
            camps = await grains.GetGrain<IRegistryGrain>(0).GetCampIds();
        }

        var filter = new AlertFilter(filterState, from);
        var lists = await Task.WhenAll(camps.Select(c => grains.GetGrain<ICampGrain>(c).GetAlerts(filter)));
        var language = RequestLanguage.Of(request);
        return Results.Ok(lists.SelectMany(l => l).OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal)
            .Select(a => RequestLanguage.Worded(a, language)).ToArray());
    }

    /// <summary>The alert's delivery log (docs/notifications.md): every message to every recipient, with its state and attempts.</summary>
    private static async Task<IResult> Notifications(string alertId, IGrainFactory grains)
    {
        if (!AlertIds.TryParse(alertId, out var campId, out _) || !Ids.IsValid(campId)
            || await grains.GetGrain<ICampGrain>(campId).GetAlert(alertId) is null)
        {
            return Problems.NotFound($"There is no alert '{alertId}'.");
        }

        return Results.Ok(await grains.GetGrain<INotifierGrain>(campId).GetDeliveries(alertId));
    }

    private static async Task<IResult> Get(string alertId, HttpRequest request, IGrainFactory grains)
    {
        var alert = AlertIds.TryParse(alertId, out var campId, out _) && Ids.IsValid(campId)
            ? await grains.GetGrain<ICampGrain>(campId).GetAlert(alertId)
            : null;
        return alert is null ? Problems.NotFound($"There is no alert '{alertId}'.") : Results.Ok(RequestLanguage.Worded(alert, RequestLanguage.Of(request)));
    }

    private static async Task<IResult> Act(
        string alertId, AlertActionKind kind, string field, bool required, HttpRequest request, IGrainFactory grains)
    {
        if (!AlertIds.TryParse(alertId, out var campId, out _) || !Ids.IsValid(campId))
        {
            return Problems.NotFound($"There is no alert '{alertId}'.");
        }

        string? text = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            if (!request.HasJsonContentType())
            {
                return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the body as application/json.");
            }

            try
            {
                using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
                if (body.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return Problems.Invalid("(body)", "must be a JSON object");
                }

                if (body.RootElement.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    if (value.ValueKind != JsonValueKind.String)
                    {
                        return Problems.Invalid(field, "must be a string");
                    }

                    text = value.GetString();
                }
            }
            catch (JsonException e)
            {
                return Problems.Invalid("(body)", $"is not valid JSON: {e.Message}");
            }
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            return Problems.Invalid(field, "is required");
        }

        var outcome = await Run(grains, alertId, campId, kind, ActorOf(request.HttpContext.User), text);
        return outcome.Status switch
        {
            200 => Results.Ok(outcome.Alert is { } changed ? RequestLanguage.Worded(changed, RequestLanguage.Of(request)) : null),
            400 => Problems.Invalid(field, outcome.Problem ?? "is invalid"),
            404 => Problems.NotFound(outcome.Problem ?? $"There is no alert '{alertId}'."),
            _ => Problems.Conflict(outcome.Problem ?? "The alert's state does not allow this."),
        };
    }

    /// <summary>The name recorded on an alert action: the signed-in person or API client, "anonymous" with sign-in off.</summary>
    public static string ActorOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;

    /// <summary>One action on one alert, as the HTTP API and the live hub both take it.</summary>
    public static Task<AlertActionOutcome> Run(IGrainFactory grains, string alertId, string campId, AlertActionKind kind, string by, string? text) =>
        grains.GetGrain<ICampGrain>(campId).ActOnAlert(alertId, new AlertAction(kind, by, text));
}
