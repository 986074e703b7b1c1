namespace CampWater.Silo.Notifications;

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    /// <summary>Default 587 (submission); 465 means TLS from the first byte.</summary>
    public int? Port { get; set; }

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>true: TLS required (STARTTLS, or TLS at once on 465); false: none (a relay on the camp network); unset: STARTTLS when offered.</summary>
    public bool? UseTls { get; set; }

    /// <summary>The sender, <c>CampWater &lt;alerts@example.org&gt;</c> or a bare address.</summary>
    public string? From { get; set; }

    public int PortOrDefault => Port ?? 587;
}
