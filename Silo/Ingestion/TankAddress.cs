namespace CampWater.Silo.Ingestion;

/// <summary>Where a device's readings go.</summary>
public readonly record struct TankAddress(string CampId, string TankId)
{
    public override string ToString() => $"{CampId}/{TankId}";
}
