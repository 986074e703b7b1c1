using System.Text.Json;
using CampWater.Alerts;
using CampWater.Dashboard.Hosting;

namespace CampWater.Silo.Notifications;

/// <summary>The body a webhook receives: <c>{ "event", "alert", "url", "sentAt", "deliveryId" }</c>, the alert as the API shows it.</summary>
public sealed record WebhookPayload(string Event, Alert? Alert, string? Url, DateTimeOffset SentAt, string DeliveryId)
{
    public string ToJson() => JsonSerializer.Serialize(this, CampWaterJson.Options);
}
