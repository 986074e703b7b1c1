namespace CampWater.Grains;

/// <summary>The list of camps. A single grain, key 0.</summary>
[Alias("campwater.IRegistryGrain")]
public interface IRegistryGrain : IGrainWithIntegerKey
{
    [Alias("GetCampIds"), ReadOnly]
    Task<string[]> GetCampIds();

    /// <summary>Called by a camp each time its configuration (or one of its tanks') has changed and been stored.</summary>
    [Alias("AddCamp")]
    Task AddCamp(string campId);

    /// <summary>
    /// A number that moves on with every <see cref="AddCamp"/>: while it stands still, no camp or tank has
    /// changed, so a copy of the registry read under it is still whole.
    /// </summary>
    [Alias("GetVersion"), ReadOnly]
    Task<long> GetVersion();
}
