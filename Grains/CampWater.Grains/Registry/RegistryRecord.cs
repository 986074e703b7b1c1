namespace CampWater.Registry;

[GenerateSerializer, Alias("campwater.RegistryRecord")]
public sealed class RegistryRecord
{
    [Id(0)] public SortedSet<string> CampIds { get; set; } = new(StringComparer.Ordinal);
}
