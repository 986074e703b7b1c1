namespace CampWater.Silo.Ingestion;

/// <summary>Why a reading was not handed to a tank; each is counted separately (docs/sensors.md).</summary>
public enum RejectReason
{
    MalformedJson,
    UnknownTank,
    NoMeasurement,
    SeveralMeasurements,
    NotFinite,
    WrongType,
    Oversize,
    FutureTimestamp,

    // LoRaWAN uplinks (docs/sensors.md): the envelope of a network server around a decoded payload.

    /// <summary>The uplink names no device (no <c>devEui</c> where its network server puts it).</summary>
    MissingDevice,

    /// <summary>No tank of the registry has the uplink's <c>devEui</c>.</summary>
    UnknownDevice,

    /// <summary>The uplink carries no decoded object: the network server has no payload codec for the device.</summary>
    NoDecodedPayload,

    /// <summary>A value with a unit that CampWater cannot convert (<c>"12 parsecs"</c>), or without one.</summary>
    BadUnit,

    // Water quality sensors.

    /// <summary>The camp has no water point of the topic's id.</summary>
    UnknownPoint,

    /// <summary>A water quality figure outside its physical range (free chlorine 12 mg/L, pH 15): a broken probe.</summary>
    OutOfRange,
}
