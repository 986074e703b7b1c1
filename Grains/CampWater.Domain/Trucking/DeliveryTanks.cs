using CampWater.Registry;

namespace CampWater.Trucking;

/// <summary>
/// Which tanks take deliveries: a tank that another tank of its camp feeds by pipe gets its water from that
/// tank, not from a truck, so its fills are moves within the camp. The one place this is decided.
/// </summary>
public static class DeliveryTanks
{
    /// <summary>
    /// Whether a fill of <paramref name="tankId"/> is a delivery: the tank is the camp's, and no tank of the
    /// camp names it in its <c>feeds</c>.
    /// </summary>
    public static bool TakesDeliveries(CampConfig camp, string tankId)
    {
        ArgumentNullException.ThrowIfNull(camp);
        return camp.Tanks.Any(t => t.Id == tankId)
            && !camp.Tanks.Any(t => t.FeedsOrEmpty.Contains(tankId, StringComparer.Ordinal));
    }
}
