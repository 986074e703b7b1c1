namespace CampWater.Silo.Notifications;

public sealed class NotifyChannelOptions
{
    public string? Name { get; set; }

    /// <summary><c>email</c>, <c>sms</c> or <c>webhook</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>email: the SMTP submission server.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>sms: the gateway's send address; webhook: the receiver.</summary>
    public string? Url { get; set; }

    /// <summary>sms: basic authentication to the gateway.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>webhook: the key of the <c>X-CampWater-Signature</c> HMAC-SHA256.</summary>
    public string? Secret { get; set; }

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public double TimeoutSeconds { get; set; } = 15;
}
