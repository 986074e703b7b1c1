namespace CampWater.Silo.Simulation;

/// <summary>The stories a simulation can tell; each one is what a trainer or a tester wants to see CampWater notice.</summary>
public enum ScenarioKind
{
    /// <summary><c>night-leak</c>: a burst pipe or a tap left open drains 2.5 % of capacity an hour; at night, with the taps shut, it raises <c>night-draw</c>.</summary>
    NightLeak,

    /// <summary><c>truck-no-show</c>: the truck that should refill the tank does not come; <c>low-level</c>, then critical.</summary>
    TruckNoShow,

    /// <summary><c>pump-overfill</c>: a refill starts and its pump never stops; <c>overflow</c>.</summary>
    PumpOverfill,

    /// <summary><c>sensor-silent</c>: the sensor stops sending (stolen, flooded, unplugged); <c>sensor-offline</c>.</summary>
    SensorSilent,

    /// <summary><c>battery-fade</c>: the battery empties over 12 hours, the reported figure falls, then the sensor goes silent.</summary>
    BatteryFade,

    /// <summary><c>influx</c>: half as many people again arrive and draw from the camp's tanks; coverage falls.</summary>
    Influx,

    /// <summary>
    /// <c>gateway-outage</c>: the gateway is down for 2 hours. Readings are lost, except that a Milesight EM500-UDL
    /// stores them and sends them as its <c>history</c> with the first uplink after the outage.
    /// </summary>
    GatewayOutage,

    /// <summary>
    /// <c>chlorine-drop</c>: the tank's chlorine doser fails and free residual chlorine falls from what was dosed to
    /// 0.1 mg/L over a day, below the 0.2 mg/L minimum; <c>quality-frc-low</c>. The tank gets an online chlorine
    /// analyser that reports every 15 minutes.
    /// </summary>
    ChlorineDrop,

    /// <summary>
    /// <c>short-delivery</c>: the next truck into the tank brings 30 % less than its voucher says; the voucher is
    /// <c>short</c> and <c>delivery-short</c> is raised.
    /// </summary>
    ShortDelivery,

    /// <summary>
    /// <c>ghost-delivery</c>: a voucher is handed in for a truck that never came (a third of the tank); 3 hours later
    /// it is <c>unverified</c> and <c>delivery-unverified</c> is raised.
    /// </summary>
    GhostDelivery,
}
