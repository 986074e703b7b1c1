using CampWater.Registry;

namespace CampWater.Services;

/// <summary>Tests of water quality as field staff and sensors take them, at tank t1 and point p1 of a camp.</summary>
internal static class Tests
{
    public static readonly DateTimeOffset Morning = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    public static QualityReading AtTank(double? frc = null, double? turbidity = null, double? ph = null, double? ecoli = null, DateTimeOffset? ts = null, string tank = "t1") =>
        new(ts ?? Morning, tank, null, frc, turbidity, ph, ecoli, QualitySource.Field, "amina");

    public static QualityReading AtPoint(double? frc = null, double? turbidity = null, DateTimeOffset? ts = null, string point = "p1") =>
        new(ts ?? Morning, null, point, frc, turbidity, null, null, QualitySource.Field, "amina");

    public static QualityThresholds Standard => QualityThresholds.Default;
}
