using CampWater.Grains;

namespace CampWater.Changes;

/// <summary>
/// One camp's record of configuration changes (who, when, which fields from what to what). Configuration
/// changes are rare, so a bounded list is plenty: the newest <see cref="MaxChanges"/> are kept.
/// </summary>
internal sealed class ChangeLogGrain(
    [PersistentState("changes", StorageNames.State)] IPersistentState<ChangeLogRecord> state) : Grain, IChangeLogGrain
{
    /// <summary>Years of a camp's usual edits, and a few hundred kilobytes at most.</summary>
    public const int MaxChanges = 500;

    public async Task Record(ConfigChange[] changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Length == 0)
        {
            return;
        }

        var list = state.State.Changes;
        list.AddRange(changes);
        if (list.Count > MaxChanges)
        {
            list.RemoveRange(0, list.Count - MaxChanges);
        }

        await state.WriteStateAsync();
    }

    public Task<ConfigChange[]> List(string? tankId, int max)
    {
        var list = state.State.Changes;
        var newest = new List<ConfigChange>(Math.Min(Math.Max(0, max), list.Count));
        for (var i = list.Count - 1; i >= 0 && newest.Count < max; i--)
        {
            if (tankId is null || list[i].TankId == tankId)
            {
                newest.Add(list[i]);
            }
        }

        return Task.FromResult(newest.ToArray());
    }
}
