namespace CampWater.Notifications;

/// <summary>A configured channel as the decisions see it: its name and how it reaches people.</summary>
public sealed record NotifyChannel(string Name, ChannelKind Kind);
