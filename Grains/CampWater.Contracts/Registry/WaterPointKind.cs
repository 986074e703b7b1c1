namespace CampWater.Registry;

/// <summary>What a water point is; on the wire <c>tapstand</c>, <c>handpump</c> or <c>well</c>.</summary>
public enum WaterPointKind
{
    Tapstand,
    Handpump,
    Well,
}
