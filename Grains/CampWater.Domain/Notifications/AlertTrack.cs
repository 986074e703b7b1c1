using CampWater.Alerts;

namespace CampWater.Notifications;

/// <summary>What the notifier remembers of one alert: the alert as last noticed, where it is, who has been told, which escalation steps fired.</summary>
[GenerateSerializer, Alias("campwater.AlertTrack")]
public sealed class AlertTrack
{
    [Id(0)] public Alert Alert { get; set; } = null!;

    [Id(1)] public string CampName { get; set; } = "";

    [Id(2)] public string? PlaceName { get; set; }

    [Id(3)] public string TimeZone { get; set; } = "UTC";

    [Id(4)] public HashSet<Recipient> Told { get; set; } = [];

    /// <summary>The rule indexes of the escalation steps that have fired.</summary>
    [Id(5)] public HashSet<int> Fired { get; set; } = [];

    public TimeZoneInfo Zone => Water.CampCalendar.Zone(TimeZone);

    public AlertPlace Place => new(CampName, PlaceName, Zone);
}
