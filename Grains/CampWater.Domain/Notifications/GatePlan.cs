namespace CampWater.Notifications;

/// <summary>What to send now, and when to look again (null: nothing waits).</summary>
public sealed record GatePlan(IReadOnlyList<MessageBatch> SendNow, DateTimeOffset? NextLook);
