using CampWater.Alerts;
using CampWater.Status;

namespace CampWater.Alerts;

/// <summary>
/// Where grains send what must leave the cluster (the alerts and tank status topics of MQTT). The host
/// provides it; grains never know MQTT. Calls must not block: implementations queue.
/// </summary>
public interface IOutbox
{
    /// <param name="raised">True when this change opened a new alert.</param>
    void AlertChanged(Alert alert, bool raised);

    void TankStatusChanged(TankStatus status);
}
