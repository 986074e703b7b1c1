namespace CampWater.Services;

/// <summary>
/// What the access rules remember, so that they speak only on change: the figure last signalled while
/// taps-short or latrines-short holds (null while it does not). Kept in the services grain's state.
/// </summary>
[GenerateSerializer, Alias("campwater.AccessMemory")]
public sealed class AccessMemory
{
    [Id(0)] public bool TapsShortHolds { get; set; }

    [Id(1)] public double? TapsShortValue { get; set; }

    [Id(2)] public bool LatrinesShortHolds { get; set; }

    [Id(3)] public double? LatrinesShortValue { get; set; }

    /// <summary>After someone resolved the alert by hand: the next count still short raises a new one.</summary>
    public void Reset(Alerts.AlertKind kind)
    {
        if (kind == Alerts.AlertKind.TapsShort)
        {
            TapsShortHolds = false;
            TapsShortValue = null;
        }
        else if (kind == Alerts.AlertKind.LatrinesShort)
        {
            LatrinesShortHolds = false;
            LatrinesShortValue = null;
        }
    }
}
