using CampWater.Grains;

namespace CampWater.Registry;

internal sealed class RegistryGrain(
    [PersistentState("registry", StorageNames.State)] IPersistentState<RegistryRecord> state) : Grain, IRegistryGrain
{
    public Task<string[]> GetCampIds() => Task.FromResult(state.State.CampIds.ToArray());

    public async Task AddCamp(string campId)
    {
        if (state.State.CampIds.Add(campId))
        {
            await state.WriteStateAsync();
        }
    }
}
