namespace CampWater.Services;

/// <summary>Where a test was taken: a tank or a water point of the camp, as one key (<c>tank:t1</c>, <c>point:p4</c>).</summary>
public static class QualityPlace
{
    public static string Key(string? tankId, string? pointId) =>
        pointId is not null ? "point:" + pointId
        : tankId is not null ? "tank:" + tankId
        : throw new ArgumentException("A water quality test is taken at a tank or a water point.", nameof(tankId));
}
