namespace CampWater.Silo.Ingestion;

/// <summary>Why a payload is refused, with a short detail for one log line; a struct, so a check that passes costs nothing.</summary>
public readonly record struct Rejection(RejectReason Reason, string Detail);
