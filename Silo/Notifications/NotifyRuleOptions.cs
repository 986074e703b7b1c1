namespace CampWater.Silo.Notifications;

public sealed class NotifyRuleOptions
{
    /// <summary>Camp ids, or <c>*</c> (the default) for every camp.</summary>
    public List<string>? Camps { get; set; }

    /// <summary>Alert kinds (<c>low-level</c>, ...), or <c>*</c> (the default) for every kind.</summary>
    public List<string>? Kinds { get; set; }

    /// <summary><c>info</c>, <c>warning</c> (default) or <c>critical</c>.</summary>
    public string? MinSeverity { get; set; }

    /// <summary>Person names (each channel they have an address for), <c>channel:person</c>, or a webhook channel's name.</summary>
    public List<string>? Notify { get; set; }

    /// <summary>0: at once; N: only if the alert is still unacknowledged N minutes after it was raised.</summary>
    public int AfterMinutes { get; set; }

    /// <summary>Camp-local <c>HH:mm-HH:mm</c>: warnings wait until it ends; critical alerts go at once.</summary>
    public string? QuietHours { get; set; }
}
