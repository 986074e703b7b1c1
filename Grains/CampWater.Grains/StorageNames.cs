namespace CampWater;

/// <summary>The grain storage that every grain of CampWater keeps its state in; the host decides what backs it.</summary>
public static class StorageNames
{
    public const string State = "campwater";
}
