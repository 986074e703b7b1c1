using Microsoft.AspNetCore.SignalR;

namespace CampWater.Dashboard.Live;

/// <summary>
/// The live hub (contract §6). Clients say which camps they watch; the <see cref="LiveFeed"/> pushes
/// <c>tankUpdated</c>, <c>campUpdated</c> and <c>alertChanged</c> to them. The hub itself sends nothing.
/// </summary>
public sealed class LiveHub(LiveFeed feed) : Hub
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

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        await feed.ForgetAsync(Context.ConnectionId);
        await base.OnDisconnectedAsync(exception);
    }
}
