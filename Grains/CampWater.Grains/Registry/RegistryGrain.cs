using CampWater.Grains;

namespace CampWater.Registry;

internal sealed class RegistryGrain(
    [PersistentState("registry", StorageNames.State)] IPersistentState<RegistryRecord> state) : Grain, IRegistryGrain
{
    // Not stored: a new activation starts from a random number, which no reader can have seen before.
    private long _version = Random.Shared.NextInt64();

    public Task<string[]> GetCampIds() => Task.FromResult(state.State.CampIds.ToArray());

    public Task<long> GetVersion() => Task.FromResult(_version);

    public async Task AddCamp(string campId)
    {
        _version++;
        if (state.State.CampIds.Add(campId))
        {
            await state.WriteStateAsync();
        }
    }
}
