namespace CampWater.FieldData;

/// <summary>The measured day: what really left and entered the tank, and what its ledger says.</summary>
internal sealed record FieldResult(
    double CapacityL, double TrueDrawnL, double TrueDeliveredL, double DrawnL, double DeliveredL, double EstimatedL, int WildSent, long WildFound)
{
    /// <summary>Signed error in percent of the truth.</summary>
    public double DrawnErrorPct => (DrawnL / TrueDrawnL - 1) * 100;

    public double DeliveredErrorPct => (DeliveredL / TrueDeliveredL - 1) * 100;
}
