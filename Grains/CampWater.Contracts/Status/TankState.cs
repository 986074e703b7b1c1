namespace CampWater.Status;

/// <summary>The state a tank is shown in; on the wire in lower case (<c>ok</c>, <c>critical</c>, ...).</summary>
public enum TankState
{
    Unknown,
    Ok,
    Low,
    Critical,
    Overflow,
    Offline,
    Fault,
}
