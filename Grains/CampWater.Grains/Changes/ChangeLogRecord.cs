namespace CampWater.Changes;

/// <summary>A camp's configuration changes, oldest first, bounded by <see cref="ChangeLogGrain.MaxChanges"/>.</summary>
[GenerateSerializer, Alias("campwater.ChangeLogRecord")]
public sealed class ChangeLogRecord
{
    [Id(0)] public List<ConfigChange> Changes { get; set; } = [];
}
