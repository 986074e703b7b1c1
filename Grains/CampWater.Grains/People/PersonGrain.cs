using CampWater.Grains;

namespace CampWater.People;

internal sealed class PersonGrain(
    [PersistentState("person", StorageNames.State)] IPersistentState<PersonRecord> state) : Grain, IPersonGrain
{
    public Task<string?> GetLanguage() => Task.FromResult(state.State.Language);

    public async Task SetLanguage(string language)
    {
        if (state.State.Language == language)
        {
            return;
        }

        state.State.Language = language;
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("campwater.PersonRecord")]
public sealed class PersonRecord
{
    [Id(0)] public string? Language { get; set; }
}
