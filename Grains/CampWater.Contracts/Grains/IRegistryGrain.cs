namespace CampWater.Grains;

/// <summary>The list of camps. A single grain, key 0.</summary>
[Alias("campwater.IRegistryGrain")]
public interface IRegistryGrain : IGrainWithIntegerKey
{
    [Alias("GetCampIds"), ReadOnly]
    Task<string[]> GetCampIds();

    [Alias("AddCamp")]
    Task AddCamp(string campId);
}
