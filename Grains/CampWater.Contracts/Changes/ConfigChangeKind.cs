namespace CampWater.Changes;

/// <summary>What a configuration change did to a camp or a tank; on the wire in lower case.</summary>
public enum ConfigChangeKind
{
    Created,
    Changed,
    Removed,
}
