namespace CampWater.Notifications;

/// <summary>Where an alert is, in the words people know: the camp's and tank's names (no tank: a camp alert) and the camp's zone.</summary>
public sealed record AlertPlace(string CampName, string? TankName, TimeZoneInfo Zone);
