namespace CampWater.Silo.Ingestion;

/// <summary>Why a reading was not handed to a tank; each is counted separately (contract §2).</summary>
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
}
