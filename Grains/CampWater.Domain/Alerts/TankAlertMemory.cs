namespace CampWater.Alerts;

/// <summary>
/// What the tank rules remember between readings, so that they speak only when a condition changes and
/// so that the "sustained" and "once a night" rules can be judged one reading at a time. Kept in the tank
/// grain's state: a restart must neither raise an open condition again nor forget a night's litres.
/// Every condition starts out not holding.
/// </summary>
[GenerateSerializer, Alias("campwater.TankAlertMemory")]
public sealed class TankAlertMemory
{
    [Id(0)] public bool LowHolds { get; set; }

    /// <summary>The severity last signalled for the low level; meaningful only while it holds.</summary>
    [Id(1)] public AlertSeverity LowSeverity { get; set; } = AlertSeverity.Warning;

    [Id(2)] public bool OverflowHolds { get; set; }

    [Id(3)] public bool RapidHolds { get; set; }

    /// <summary>The first of the unbroken run of readings falling faster than the limit; null when the last one did not.</summary>
    [Id(4)] public DateTimeOffset? RapidSince { get; set; }

    /// <summary>The first of the unbroken run of readings falling slower than half the limit; null when the last one did not.</summary>
    [Id(5)] public DateTimeOffset? CalmSince { get; set; }

    /// <summary>The night (the local date its quiet hours start on) whose litres <see cref="NightDrawnL"/> sums.</summary>
    [Id(6)] public DateOnly? NightDate { get; set; }

    [Id(7)] public double NightDrawnL { get; set; }

    /// <summary>The last night that drew more than the limit: no night raises twice, and the next clean one resolves.</summary>
    [Id(8)] public DateOnly? NightRaisedFor { get; set; }

    [Id(9)] public bool NightHolds { get; set; }

    /// <summary>
    /// Forgets that a condition holds, after someone resolved its alert by hand, so that the next reading
    /// that meets it raises a new alert. What the condition has measured so far is kept: a fall that is
    /// still fast raises again at once, while a night that already raised does not raise a second time.
    /// Kinds that these rules do not judge (offline, fault, coverage) have nothing to forget.
    /// </summary>
    public void Reset(AlertKind kind)
    {
        switch (kind)
        {
            case AlertKind.LowLevel:
                LowHolds = false;
                LowSeverity = AlertSeverity.Warning;
                break;
            case AlertKind.Overflow:
                OverflowHolds = false;
                break;
            case AlertKind.RapidDrop:
                RapidHolds = false;
                break;
            case AlertKind.NightDraw:
                NightHolds = false;
                break;
        }
    }
}
