using CampWater.Alerts;
using CampWater.Dashboard.Api;
using CampWater.Dashboard.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CampWater.Dashboard.Live;

/// <summary>
/// The live hub (docs/api.md). Clients say which camps they watch; the <see cref="LiveFeed"/> pushes
/// <c>tankUpdated</c>, <c>campUpdated</c> and <c>alertChanged</c> to them. Anyone who may read may
/// watch; the alert actions (the same as the HTTP API's, for a client that already holds a connection)
/// need the rights of field staff, checked on every call.
/// </summary>
[Authorize(Policy = Roles.ReadPolicy)]
public sealed class LiveHub(LiveFeed feed, IGrainFactory grains) : Hub
{
    public const string Path = "/hubs/live";

    public async Task Watch(string campId)
    {
        if (!LiveFeed.IsWatchable(campId))
        {
            throw new HubException($"'{campId}' is not a camp id (use \"*\" for every camp).");
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, LiveFeed.GroupOf(campId));
        await feed.WatchAsync(Context.ConnectionId, campId);
    }

    public async Task Unwatch(string campId)
    {
        if (!LiveFeed.IsWatchable(campId))
        {
            throw new HubException($"'{campId}' is not a camp id (use \"*\" for every camp).");
        }

        await Groups.RemoveFromGroupAsync(Context.ConnectionId, LiveFeed.GroupOf(campId));
        await feed.UnwatchAsync(Context.ConnectionId, campId);
    }

    [Authorize(Policy = Roles.ActPolicy)]
    public Task<Alert> Acknowledge(string alertId, string? note) => Act(alertId, AlertActionKind.Acknowledge, note);

    [Authorize(Policy = Roles.ActPolicy)]
    public Task<Alert> Assign(string alertId, string assignee) => Act(alertId, AlertActionKind.Assign, assignee, required: "assignee");

    [Authorize(Policy = Roles.ActPolicy)]
    public Task<Alert> Comment(string alertId, string text) => Act(alertId, AlertActionKind.Comment, text, required: "text");

    [Authorize(Policy = Roles.ActPolicy)]
    public Task<Alert> Resolve(string alertId, string? note) => Act(alertId, AlertActionKind.Resolve, note);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await feed.ForgetAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task<Alert> Act(string alertId, AlertActionKind kind, string? text, string? required = null)
    {
        if (!AlertIds.TryParse(alertId, out var campId, out _) || !Ids.IsValid(campId))
        {
            throw new HubException($"There is no alert '{alertId}'.");
        }

        if (required is not null && string.IsNullOrWhiteSpace(text))
        {
            throw new HubException($"{required}: is required");
        }

        var outcome = await AlertEndpoints.Run(grains, alertId, campId, kind, AlertEndpoints.ActorOf(Context.User!), text);
        return outcome.Status == 200 && outcome.Alert is not null
            ? outcome.Alert
            : throw new HubException(outcome.Problem ?? $"The alert '{alertId}' cannot be changed that way.");
    }
}
