using CampWater.Alerts;
using CampWater.Status;

namespace CampWater.Grains;

/// <summary>A listener for one camp's live changes (the dashboard registers one per watched camp).</summary>
[Alias("campwater.ICampObserver")]
public interface ICampObserver : IGrainObserver
{
    [Alias("TankUpdated"), OneWay]
    Task TankUpdated(TankStatus status);

    [Alias("CampUpdated"), OneWay]
    Task CampUpdated(CampSummary summary);

    [Alias("AlertChanged"), OneWay]
    Task AlertChanged(Alert alert);
}
