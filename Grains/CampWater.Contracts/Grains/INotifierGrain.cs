using CampWater.Notifications;

namespace CampWater.Grains;

/// <summary>
/// The notifications of one camp (key: the camp id): it takes the camp's alert notices, decides who is
/// told (routing, escalation steps, quiet hours, the 10-minute fold), stores every planned delivery
/// before it is sent, and keeps each delivery's attempts until it is delivered or has failed.
/// </summary>
[Alias("campwater.INotifierGrain")]
public interface INotifierGrain : IGrainWithStringKey
{
    /// <summary>Alert changes, oldest first; notices already taken (by number) are skipped. One-way: the alert path never waits.</summary>
    [Alias("Notice"), OneWay]
    Task Notice(AlertNotice[] notices);

    /// <summary>What one attempt of a delivery came to, from the sending pool; answers where the delivery stands now (queued for one it does not hold).</summary>
    [Alias("Attempted")]
    Task<DeliveryStatus> Attempted(string deliveryId, bool delivered, string detail);

    /// <summary>The delivery log of one alert, oldest first.</summary>
    [Alias("GetDeliveries"), ReadOnly]
    Task<DeliveryEntry[]> GetDeliveries(string alertId);
}
