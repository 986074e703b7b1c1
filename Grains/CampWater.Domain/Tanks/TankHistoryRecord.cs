using CampWater.Status;

namespace CampWater.Tanks;

/// <summary>
/// A tank's level history as of its last flush, stored apart from the <see cref="TankRecord"/> so that the
/// write made for every reading does not carry a week of points (see <see cref="HistorySplit"/>).
/// </summary>
[GenerateSerializer, Alias("campwater.TankHistoryRecord")]
public sealed class TankHistoryRecord
{
    /// <summary>Levels, oldest first, as <see cref="TankRecord.History"/> was when last flushed.</summary>
    [Id(0)] public List<LevelPoint> Points { get; set; } = [];
}
