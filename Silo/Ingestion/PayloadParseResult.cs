using CampWater.Readings;

namespace CampWater.Silo.Ingestion;

/// <summary>
/// A payload read into a <see cref="TankReading"/>, or the reason it was refused with a short detail for one
/// log line. A struct, so that an accepted reading costs no allocation beyond the reading itself.
/// </summary>
public readonly record struct PayloadParseResult(TankReading? Reading, RejectReason? Reason, string? Detail)
{
    public bool IsAccepted => Reading is not null;

    public static PayloadParseResult Accepted(TankReading reading) => new(reading, null, null);

    public static PayloadParseResult Rejected(RejectReason reason, string detail) => new(null, reason, detail);
}
