namespace CampWater.Silo.Notifications;

/// <summary>
/// <c>CampWater:Notify</c>: who can be notified, through which channels, and the rules that route alerts
/// to them. Nothing configured: nobody is notified. Checked at start by <see cref="NotifyOptionsValidation"/>.
/// </summary>
public sealed class NotifyOptions
{
    /// <summary>The dashboard's address as people reach it (<c>https://campwater.example.org</c>), for the link to each alert.</summary>
    public string? PublicUrl { get; set; }

    public List<NotifyPersonOptions> People { get; set; } = [];

    public List<NotifyChannelOptions> Channels { get; set; } = [];

    public List<NotifyRuleOptions> Rules { get; set; } = [];
}
