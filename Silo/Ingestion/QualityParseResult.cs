using CampWater.Services;

namespace CampWater.Silo.Ingestion;

/// <summary>A quality payload read into a <see cref="QualityReading"/>, or the reason it was refused with a short detail.</summary>
public readonly record struct QualityParseResult(QualityReading? Reading, RejectReason? Reason, string? Detail)
{
    public bool IsAccepted => Reading is not null;

    public static QualityParseResult Accepted(QualityReading reading) => new(reading, null, null);

    public static QualityParseResult Rejected(RejectReason reason, string detail) => new(null, reason, detail);
}
