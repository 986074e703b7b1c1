namespace CampWater.Alerts;

/// <summary>What an alert is about; on the wire in kebab case (<c>low-level</c>, <c>sensor-offline</c>, ...).</summary>
public enum AlertKind
{
    LowLevel,
    Overflow,
    RapidDrop,
    NightDraw,
    SensorOffline,
    SensorFault,
    CoverageLow,

    // Water quality, per place (a tank or a water point).

    /// <summary>Free residual chlorine below the camp's minimum: not enough left to kill what enters the water. Critical.</summary>
    QualityFrcLow,

    /// <summary>Free residual chlorine above the camp's maximum: people refuse water that tastes of it. Warning.</summary>
    QualityFrcHigh,

    /// <summary>Turbidity above the camp's maximum: chlorine does not reach what the particles shelter. Warning.</summary>
    QualityTurbidity,

    /// <summary>Any E. coli in 100 mL: faecal contamination. Critical.</summary>
    QualityEcoli,

    /// <summary>pH outside the camp's range: chlorine works poorly above 8. Warning.</summary>
    QualityPh,

    // Access, camp alerts.

    /// <summary>More people per usable tap than the camp's limit. Warning.</summary>
    TapsShort,

    /// <summary>More people per usable latrine than the camp's limit. Warning.</summary>
    LatrinesShort,

    // Water trucking, tank alerts.

    /// <summary>A voucher's delivery measured less than its litres less the tolerance. Warning; resolved by hand.</summary>
    DeliveryShort,

    /// <summary>No fill seen within 3 hours of a voucher's time. Warning; resolved by hand.</summary>
    DeliveryUnverified,
}
