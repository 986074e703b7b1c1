using CampWater.Changes;

namespace CampWater.Grains;

/// <summary>
/// The record of a camp's configuration changes, kept apart from the camp's own state so that the camp
/// record stays small. Key: the camp id.
/// </summary>
[Alias("campwater.IChangeLogGrain")]
public interface IChangeLogGrain : IGrainWithStringKey
{
    [Alias("Record")]
    Task Record(ConfigChange[] changes);

    /// <summary>The newest changes first, at most <paramref name="max"/>; with a tank id, only that tank's.</summary>
    [Alias("List"), ReadOnly]
    Task<ConfigChange[]> List(string? tankId, int max);
}
